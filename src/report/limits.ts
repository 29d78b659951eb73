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

/**
 * Whether JSON text nests `[` and `{` (outside strings) deeper than `limit`; the outermost object or list is
 * level 1. Linear and without recursion, and it stops at the first level past the limit, so a 20,000-deep
 * input is refused before anything parses it (parseReport, the collector's body reader).
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > limit) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}
