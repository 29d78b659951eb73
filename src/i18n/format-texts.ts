/** Messages of src/report/definition/format.ts that need the `str` tag (that module's own `str` is a reader). */
import { msg, str } from '@lit/localize';

/** "42 ms (95 % interval 38–46 ms)" in the active language. */
export const ciText = (base: string, lo: string, hi: string): string => msg(str`${base} (95 % interval ${lo}–${hi})`);
