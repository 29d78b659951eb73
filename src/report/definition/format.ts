/**
 * Small, defensive readers and formatters shared by the HTML rows and the terminal text: a pasted report may
 * hold anything, so nothing here throws. DOM-free; units as people read them (ms, kbit/s, %).
 */
import { msg } from '@lit/localize';
import { ciText } from '../../i18n/format-texts.js';
import { getLocale } from '../../i18n/runtime.js';
import type { Verdict } from './types.js';

export type Loose = Record<string, unknown>;

export const isObj = (v: unknown): v is Loose => v !== null && typeof v === 'object' && !Array.isArray(v);
export const obj = (v: unknown): Loose => (isObj(v) ? v : {});
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
export const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : typeof v === 'object' ? '' : String(v));

/** In the active language (getters: msg() runs when read). */
export const VERDICT_WORDS: Readonly<Record<Verdict, string>> = {
  get pass() {
    return msg('Pass');
  },
  get warn() {
    return msg('Warning');
  },
  get fail() {
    return msg('Fail');
  },
  get skip() {
    return msg('Skipped');
  },
};

export function verdictOf(v: unknown): Verdict {
  return v === 'pass' || v === 'warn' || v === 'fail' || v === 'skip' ? v : 'skip';
}

/** "42 ms", "0.1 %", "4.39"; "not measured" for null or missing. */
export function fmt(v: unknown, unit = '', digits = 0): string {
  const n = num(v);
  if (n === null) return msg('not measured');
  const s = n.toLocaleString(getLocale(), { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  return unit ? `${s} ${unit}` : s;
}

/** "42 ms (95 % interval 38–46 ms)" when an interval is present. */
export function fmtCi(v: unknown, ci: unknown, unit: string, digits = 0): string {
  const base = fmt(v, unit, digits);
  const c = obj(ci);
  const lo = num(c.lo);
  const hi = num(c.hi);
  if (num(v) === null || lo === null || hi === null) return base;
  return ciText(base, fmt(lo, '', digits), fmt(hi, unit, digits));
}

export const yesNo = (v: unknown): string => (v === true ? msg('yes') : v === false ? msg('no') : msg('unknown'));

export function fmtDate(v: unknown): string {
  const s = str(v);
  const t = Date.parse(s);
  if (!s || Number.isNaN(t)) return s || msg('unknown');
  // The reader's local time, with its zone shown (a supervisor compares it with their own clock).
  return new Date(t).toLocaleString(getLocale() === 'en' ? 'en-GB' : getLocale(), { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short' });
}

export function fmtDuration(ms: unknown): string {
  const n = num(ms);
  if (n === null) return msg('unknown');
  if (n < 1000) return `${Math.round(n).toLocaleString(getLocale())} ms`;
  return `${(n / 1000).toLocaleString(getLocale(), { maximumFractionDigits: 1 })} s`;
}

/** One unit spelling for people in texts written by checks: kbit/s (never "kbps"). */
export const units = (text: string): string => text.replace(/\bkbps\b/gi, 'kbit/s');

/** A short, single-line text of any value (for data of unknown checks). */
export function brief(v: unknown, max = 160): string {
  let s: string;
  if (typeof v === 'string') s = v;
  else {
    try {
      s = JSON.stringify(v) ?? String(v);
    } catch {
      s = String(v);
    }
  }
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
