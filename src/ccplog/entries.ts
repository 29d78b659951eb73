/**
 * From text to log entries. The CCP's "Download logs" and `connect.getLog().download()` write
 * `JSON.stringify(logs, undefined, 4)`: a JSON array of LogEntry objects `{ component, level, text, time,
 * tabId, exception, objects, line, agentResourceId, loggerId, contextLayer }` (amazon-connect-streams
 * src/log.js, `Logger.prototype.download`). `time` is an ISO string, or a number when an entry crossed from
 * one layer to the other (`LogEntry.fromObject` stores `Date.parse(...)`).
 *
 * Also read: one JSON object per line, a cut-off array (entries recovered up to the cut), and the console
 * form `[2024-01-01T00:00:00.000Z] [INFO] [agent]: text` (`LogEntry.prototype.toString`).
 */

export interface Entry {
  /** ms since the epoch, NaN when the entry has no readable time. */
  t: number;
  level: string;
  component: string;
  text: string;
  objects: unknown[];
  layer: string;
}

export interface ReadResult {
  entries: Entry[];
  format: 'json-array' | 'json-lines' | 'recovered' | 'text-lines' | 'none';
  unreadable: number;
  truncated: boolean;
  duplicatesRemoved: number;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function timeOf(v: unknown): number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : NaN;
  if (typeof v === 'string' && v.length < 64) return Date.parse(v);
  return NaN;
}

/** One log entry from a parsed JSON value, or null when it is not one. */
export function toEntry(v: unknown): Entry | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
  const o = v as Record<string, unknown>;
  const text = o.text;
  if (typeof text !== 'string' && !('level' in o && 'time' in o)) return null;
  return {
    t: timeOf(o.time),
    level: str(o.level).toUpperCase(),
    component: str(o.component),
    text: typeof text === 'string' ? text : '',
    objects: Array.isArray(o.objects) ? o.objects : [],
    layer: str(o.contextLayer),
  };
}

/**
 * Scans a JSON array that may be cut off or damaged and parses each top-level element on its own. Linear in
 * the text; strings and escapes are respected so brackets inside texts do not count.
 */
export function recoverArray(text: string): { values: unknown[]; unreadable: number; truncated: boolean } {
  const values: unknown[] = [];
  let unreadable = 0;
  let depth = 0;
  let inStr = false;
  let start = -1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (inStr) {
      if (c === 92) i++; // backslash: skip the escaped char
      else if (c === 34) inStr = false;
      continue;
    }
    if (c === 34) {
      inStr = true;
    } else if (c === 123 || c === 91) {
      // { [
      depth++;
      if (depth === 2 && c === 123) start = i;
      else if (depth === 1 && c === 123) start = i; // NDJSON-like objects at the top level
    } else if (c === 125 || c === 93) {
      depth--;
      if (start >= 0 && ((depth === 1 && c === 125) || (depth === 0 && c === 125))) {
        try {
          values.push(JSON.parse(text.slice(start, i + 1)));
        } catch {
          unreadable++;
        }
        start = -1;
      }
      if (depth < 0) depth = 0;
    }
  }
  return { values, unreadable, truncated: depth > 0 || inStr };
}

/** Entry boundary in the downloaded file: `JSON.stringify(logs, undefined, 4)` puts each entry at 4 spaces. */
const BOUNDARY = '\n    },\n    {';
/** Above this size the array is parsed in slices, with progress between them. */
export const CHUNKED_MIN_CHARS = 4_000_000;
const CHUNKS = 20;

/**
 * Parses a downloaded log in about 20 slices cut at entry boundaries, reporting progress between them (one
 * JSON.parse of 50 MB would give none). Null when the text is not in that layout or a slice does not parse
 * (the caller then falls back to one parse, then to recovery).
 */
export function parseChunked(text: string, onProgress?: (fraction: number) => void): unknown[] | null {
  if (!text.startsWith('[\n    {') || !text.trimEnd().endsWith('}\n]')) return null;
  const body = text.slice(1, text.trimEnd().length - 1);
  const step = Math.ceil(body.length / CHUNKS);
  const out: unknown[] = [];
  let start = 0;
  while (start < body.length) {
    let cut = start + step >= body.length ? body.length : body.indexOf(BOUNDARY, start + step);
    if (cut < 0) cut = body.length;
    else if (cut < body.length) cut += 6; // keep "\n    }" in this slice; the next starts at ",\n    {"
    let slice = body.slice(start, cut);
    if (slice.startsWith(',')) slice = slice.slice(1);
    let part: unknown;
    try {
      part = JSON.parse(`[${slice}]`);
    } catch {
      return null;
    }
    if (!Array.isArray(part)) return null;
    for (const v of part) out.push(v);
    start = cut;
    onProgress?.(start / body.length);
  }
  return out;
}

const LINE = /^\[([^\]]{10,40})\] \[([A-Z]+)\] \[[^\]]*\]: ?(.*)$/;

function readTextLines(text: string): { entries: Entry[]; unreadable: number } {
  const entries: Entry[] = [];
  let unreadable = 0;
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const m = LINE.exec(line);
    if (m) entries.push({ t: Date.parse(m[1]!), level: m[2]!, component: '', text: m[3]!, objects: [], layer: '' });
    else if (entries.length) entries[entries.length - 1]!.text += `\n${line}`;
    else unreadable++;
  }
  return { entries, unreadable };
}

/**
 * Removes entries logged twice: the embedding page (CRM layer) and the CCP each keep a copy of the other's
 * entries, so one event can appear twice with the same time and text (and another `contextLayer`).
 */
export function dedupe(entries: Entry[]): { entries: Entry[]; removed: number } {
  const seen = new Set<string>();
  const out: Entry[] = [];
  for (const e of entries) {
    const key = `${e.t}|${e.level}|${e.text.length}|${e.text.length > 200 ? e.text.slice(0, 100) + e.text.slice(-100) : e.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return { entries: out, removed: entries.length - out.length };
}

/** Reads the text in whichever form it has. Never throws. */
export function readEntries(text: string, onProgress?: (fraction: number) => void): ReadResult {
  const trimmed = text.trimStart();
  let values: unknown[] | null = text.length >= CHUNKED_MIN_CHARS ? parseChunked(trimmed, onProgress) : null;
  let format: ReadResult['format'] = values ? 'json-array' : 'none';
  let unreadable = 0;
  let truncated = false;
  if (!values && (trimmed.startsWith('[') || trimmed.startsWith('{'))) {
    try {
      const v: unknown = JSON.parse(trimmed);
      values = Array.isArray(v) ? v : [v];
      format = 'json-array';
    } catch {
      const r = recoverArray(trimmed);
      values = r.values;
      unreadable = r.unreadable;
      truncated = r.truncated;
      format = trimmed.startsWith('[') ? 'recovered' : 'json-lines';
    }
  }
  let entries: Entry[] = [];
  if (values) {
    for (const v of values) {
      const e = toEntry(v);
      if (e) entries.push(e);
      else unreadable++;
    }
  }
  if (!entries.length) {
    const r = readTextLines(text);
    if (r.entries.length) {
      entries = r.entries;
      unreadable = r.unreadable;
      format = 'text-lines';
    } else if (!values) {
      format = 'none';
    }
  }
  const d = dedupe(entries);
  return { entries: d.entries, format: d.entries.length ? format : 'none', unreadable, truncated, duplicatesRemoved: d.removed };
}
