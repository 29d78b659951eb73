import type { Check } from './types.js';
import { CHECK_IDS } from '../report/schema.js';
import { CHECK_LOADERS } from './loaders.js';

/**
 * Every shipped check, in the canonical run order (CHECK_IDS), loaded at once: for tools and tests that
 * need the whole list. The runner loads only the checks a run needs, through CHECK_LOADERS.
 */
export const ALL_CHECKS: readonly Check[] = await Promise.all(CHECK_IDS.map((id) => CHECK_LOADERS[id]()));
