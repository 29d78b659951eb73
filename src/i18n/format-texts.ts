/** Messages of src/report/definition/format.ts that need the `str` tag (that module's own `str` is a reader). */
import { msg, str } from '@lit/localize';
import { getLocale } from './runtime.js';

/** "42 ms (95 % interval 38–46 ms)" in the active language. */
export const ciText = (base: string, lo: string, hi: string): string => msg(str`${base} (95 % interval ${lo}–${hi})`);

/** "a, b and c" in the active language (`unit`: "a, b, c" lists of figures). */
export function listText(items: readonly string[], type: 'conjunction' | 'unit' = 'conjunction'): string {
  try {
    return new Intl.ListFormat(getLocale(), { type, style: type === 'unit' ? 'narrow' : 'long' }).format(items);
  } catch {
    return items.join(', ');
  }
}

/**
 * A count-dependent choice by the active language's plural rules (Intl.PluralRules: French 0 and 1 are "one",
 * Japanese has only "other"): `one()` for the singular category, else `other()`.
 */
export function plural(value: number, one: () => string, other: () => string): string {
  let cat = value === 1 ? 'one' : 'other';
  try {
    cat = new Intl.PluralRules(getLocale()).select(value);
  } catch {
    // keep the English rule
  }
  return cat === 'one' ? one() : other();
}
