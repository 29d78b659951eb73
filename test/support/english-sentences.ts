/**
 * Left-over English in a translated render, for the browser language tests (report, fleet, CCP log): take the
 * English render's sentences, then look for each of them in the translated render's visible text.
 */

/** Product names agents know in English, kept as they are where the language's own documentation keeps them. */
export const PRODUCT_NAMES = ['Contact Control Panel', 'Amazon Connect'];

/**
 * The sentences of a visible text: runs of at least three words of letters, split at line ends and after `.`, `:`
 * and `;`. Lines with a link, a STUN/TURN URL or a host name, and the `keep` texts (product names by default) are
 * left out.
 */
export const sentences = (text: string, keep: readonly string[] = PRODUCT_NAMES): string[] =>
  [...new Set(text.split(/\n|(?<=[.:;])\s+/).map((s) => s.trim()).filter((s) => (s.match(/\b[A-Za-z]{2,}\b/g) ?? []).length >= 3 && !/https?:|turn:|stun:|[a-z]+\.[a-z]{2,}\b/i.test(s) && !keep.includes(s)))];
