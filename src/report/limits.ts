/** Limits of parseReport (kept apart so the viewer can show them without loading the parser). */

/** Largest accepted input: 1,000,000 characters of pasted text (a full report is about 20-40 kB of JSON). */
export const MAX_INPUT_CHARS = 1_000_000;
/** Largest JSON a share code may inflate to: 1,000,000 bytes. */
export const MAX_JSON_BYTES = 1_000_000;
/** Deepest accepted nesting of objects and arrays (a report nests about 7 levels). */
export const MAX_DEPTH = 32;
/** Longest accepted string value. */
export const MAX_STRING_CHARS = 20_000;
/** Longest accepted array. */
export const MAX_ARRAY_ITEMS = 5_000;
/** At most this many errors are listed; the rest are counted in a last entry. */
export const MAX_ERRORS = 25;
