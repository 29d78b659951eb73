import type { CheckId, Remedy } from './schema.js';

// SKELETON: the remedy catalogue (owner: reachability helper, issue 4). Every warn/fail code of every check
// maps to remedies written from the seeds, each naming its seed section.

/** Catalogue: key `${checkId}:${code}`, or `${checkId}:*` as the check's fallback. */
export const REMEDY_CATALOGUE: Readonly<Record<string, readonly Remedy[]>> = {};

/** Remedies for a check's finding code (the check's fallback when the code has no entry). */
export function remediesFor(id: CheckId, code: string | undefined): Remedy[] {
  const exact = code ? REMEDY_CATALOGUE[`${id}:${code}`] : undefined;
  return [...(exact ?? REMEDY_CATALOGUE[`${id}:*`] ?? [])];
}
