/**
 * A check's data as rows people read, from the display metadata (./display.ts): figures (label and value),
 * tables (lists of objects) and charts (time series). DOM-free: the HTML view and the terminal text render
 * the same rows. Defensive: a pasted report may hold anything, nothing here throws.
 */
import { CHECK_DISPLAY, type Display, type FieldDisplay } from './display.js';
import { arr, brief, fmt, fmtCi, obj, yesNo, type Loose } from './format.js';
import { displayText as tr } from '../../i18n/display-texts.js';

export type Figure = readonly [label: string, value: string];

export interface Table {
  caption: string;
  head: string[];
  rows: string[][];
}

export interface CheckRows {
  figures: Figure[];
  tables: Table[];
  /** Time series to draw: the data field and its label (HTML only). */
  charts: { key: string; label: string }[];
}

/** One value as text, by its display entry. '' means "do not show this row". */
export function showValue(f: FieldDisplay, value: unknown, data: Loose): string {
  if (f.show) return tr(f.show(value, data));
  if (value === undefined) return f.missing ? tr(f.missing) : '';
  if (value === null) return f.missing ? tr(f.missing) : fmt(null);
  if (typeof value === 'number') return f.ci ? fmtCi(value, data[f.ci], f.unit ?? '', f.digits ?? 0) : fmt(value, f.unit ?? '', f.digits ?? 0);
  if (typeof value === 'boolean') return f.words?.[String(value)] !== undefined ? tr(f.words[String(value)]!) : yesNo(value);
  if (typeof value === 'string') return f.words?.[value] !== undefined ? tr(f.words[value]!) : value;
  if (Array.isArray(value)) return value.every((x) => typeof x !== 'object' || x === null) ? value.map(String).join(', ') : '';
  return brief(value);
}

function tableOf(f: FieldDisplay, value: unknown): Table | null {
  const cols = Object.entries((f.table ?? {}) as unknown as Display<Loose>).filter((e): e is [string, FieldDisplay] => e[1] !== null);
  const items = arr(value).map(obj);
  if (!items.length) return null;
  return { caption: tr(f.label), head: cols.map(([, c]) => tr(c.label)), rows: items.map((item) => cols.map(([k, c]) => showValue(c, item[k], item))) };
}

/** The rows of one check's data; a check id this version does not know is shown as key and value text. */
export function checkRows(id: string, dataIn: unknown): CheckRows {
  const data = obj(dataIn);
  const display = (CHECK_DISPLAY as Readonly<Record<string, Display<Loose>>>)[id];
  const out: CheckRows = { figures: [], tables: [], charts: [] };
  if (!display) {
    out.figures = Object.entries(data).slice(0, 30).map(([k, v]) => [k, brief(v)] as const);
    return out;
  }
  for (const [key, f] of Object.entries(display)) {
    if (!f) continue;
    const value = data[key];
    if (f.chart) {
      if (arr(value).length) out.charts.push({ key, label: tr(f.label) });
    } else if (f.table) {
      const t = tableOf(f, value);
      if (t) out.tables.push(t);
    } else {
      const text = showValue(f, value, data);
      if (text !== '') out.figures.push([tr(f.label), text]);
    }
  }
  return out;
}


