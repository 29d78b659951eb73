/** Small, defensive readers and formatters: a pasted report may hold anything, rendering must not throw. */
import type { Verdict } from '../../report/schema.js';

// The DOM-free readers and formatters live with the Report's definition (the terminal text uses them too).
export { isObj, obj, arr, num, str, VERDICT_WORDS, verdictOf, fmt, fmtCi, yesNo, fmtDate, fmtDuration, brief, type Loose } from '../../report/definition/format.js';

/** Icons are decoration (aria-hidden); the word beside them carries the meaning. */
export const VERDICT_ICONS: Record<Verdict, string> = { pass: '✓', warn: '!', fail: '✕', skip: '–' };
