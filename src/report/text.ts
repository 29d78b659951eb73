/**
 * A Report as text for a terminal (DOM-free; the CLI prints through it). The same order and words as the
 * report view: the answer first (one plain sentence: will calls work?), then the problems worst first with one
 * thing to do each, then "For IT": every check with its measurements (from the display metadata beside the
 * definition), the fixes with their public sources, live calls and phone switches, and the total time.
 *
 * Lines are wrapped to `width` with a hanging indent; `color` adds ANSI colour (the caller decides: a TTY,
 * and NO_COLOR not set, see shouldUseColor). Status is never carried by colour alone: every line has its word.
 */
import { agentAnswer, describesRunner } from '../elements/ccp-preflight-report/answer.js';
import { publicSources } from '../elements/ccp-preflight-report/sources.js';
import { msg, str } from '@lit/localize';
import { audienceWord, checkTitle, findingText } from '../i18n/report-texts.js';
import { remedyFixes } from '../i18n/remedy-texts.js';
import { listText } from '../i18n/format-texts.js';
import { checkRows } from './definition/rows.js';
import { arr, fmt, fmtDate, fmtDuration, num, obj, str as asStr, units, verdictOf, VERDICT_WORDS, type Loose } from './definition/format.js';
import type { Verdict } from './definition/types.js';

export interface TextOptions {
  /** Terminal width in columns (default 80; at least 40 is used). */
  width?: number;
  /** ANSI colour (default false). */
  color?: boolean;
}

/** Colour when writing to a terminal, unless NO_COLOR is set to a non-empty value (https://no-color.org/). */
export function shouldUseColor(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  return stream.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
}

const DEFAULT_WIDTH = 80;
const MIN_WIDTH = 40;
const MARK: Record<Verdict, string> = { pass: '✓', warn: '!', fail: '✕', skip: '–' };
const ANSI = { red: 31, yellow: 33, green: 32, dim: 2, bold: 1 } as const;
const TONE: Record<Verdict, keyof typeof ANSI> = { pass: 'green', warn: 'yellow', fail: 'red', skip: 'dim' };

/** East Asian wide characters (Japanese text): two terminal columns each, and a line may break between them. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Terminal columns of a string (wide characters count two). */
export function columns(s: string): number {
  let n = 0;
  for (const ch of s) n += WIDE.test(ch) ? 2 : 1;
  return n;
}

/** The pieces a line may break between: words, and each wide character (joined without a space). */
function pieces(text: string): { text: string; glue: string }[] {
  const out: { text: string; glue: string }[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const parts = WIDE.test(word) ? (word.match(new RegExp(`${WIDE.source}[、。，．）」』：]?|[^\\s]+?(?=${WIDE.source}|$)`, 'gu')) ?? [word]) : [word];
    parts.forEach((p, i) => out.push({ text: p, glue: i === 0 ? ' ' : '' }));
  }
  return out;
}

/** Words of `text` in lines of at most `width` columns: the first after `first`, the rest after `hang`. */
export function wrap(text: string, width: number, first = '', hang = ' '.repeat(first.length)): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const { text: word, glue } of pieces(text)) {
    const sep = empty ? '' : glue;
    if (!empty && columns(line) + sep.length + columns(word) > width) {
      lines.push(line);
      line = hang + word;
    } else line += sep + word;
    empty = false;
  }
  lines.push(line);
  return lines;
}

/** The report as terminal text, ending with a newline. Never throws on odd data. */
export function renderReportText(reportIn: unknown, options: TextOptions = {}): string {
  const width = Math.max(MIN_WIDTH, Math.floor(options.width ?? DEFAULT_WIDTH));
  const paint = (code: keyof typeof ANSI, s: string): string => (options.color ? `\x1b[${ANSI[code]}m${s}\x1b[0m` : s);
  const out: string[] = [];
  const para = (text: string, first = '', hang?: string): void => void out.push(...wrap(text, width, first, hang));
  const r = obj(reportIn);
  const checks = arr(r.checks).map(obj);

  // 1. The answer.
  const answer = agentAnswer(r);
  const mark = (v: Verdict): string => paint(TONE[v], MARK[v]);
  /** A marked item: the mark is coloured after wrapping, so colour codes never count as width. */
  const item = (v: Verdict, text: string, indent: number): void => {
    const pad = ' '.repeat(indent + 2);
    const [l0, ...ls] = wrap(text, width, pad, pad);
    out.push(`${' '.repeat(indent)}${mark(v)} ${l0!.slice(pad.length)}`, ...ls);
  };
  const [head, ...rest] = wrap(answer.sentence, width, '  ');
  out.push(`${mark(answer.tone)} ${paint('bold', head!.slice(2))}`, ...rest);
  if (answer.partial) para(answer.partial, '  ');
  if (answer.described.length) para(msg(str`Not judged (they describe the machine that ran this check, not an agent's computer): ${listText(answer.described)}.`), '  ');

  // 2. What to do now, worst first.
  if (answer.problems.length) {
    out.push('', paint('bold', msg('What to do now')));
    for (const p of answer.problems) {
      item(p.verdict, p.headline, 2);
      para(p.action, '    → ', '      ');
    }
    if (answer.more) para(answer.more === 1 ? msg('…and 1 more problem: see For IT below.') : msg(str`…and ${answer.more} more problems: see For IT below.`), '  ');
  }

  // 3. For IT.
  out.push('', paint('bold', msg('For IT')));
  const fixes = remedyFixes(checks);
  if (fixes.length) {
    out.push(`  ${msg('What to change')}`);
    fixes.forEach((f, i) => {
      const who = audienceWord(f.audience);
      para(`${who ? `${who}: ` : ''}${units(f.text)}`, `    ${i + 1}. `, '       ');
      const src = publicSources(f.source).map((s) => `${s.title}${s.section ? msg(str`, section "${s.section}"`) : ''}${s.href ? ` <${s.href}>` : ''}`);
      if (src.length) para(msg(str`Source: ${src.join('; ')}`), '       ');
    });
  }
  out.push(`  ${msg('Checks')}`);
  for (const c of checks) {
    const v = verdictOf(c.verdict);
    const word = describesRunner(c) ? msg('Not judged') : VERDICT_WORDS[v];
    const title = checkTitle(c);
    item(v, `${word}: ${title}. ${units(findingText(c))}`, 4);
    const err = asStr(obj(c.error).message);
    if (err && !asStr(c.summary).includes(err)) para(msg(str`Error: ${err}`), '      ', '        ');
    const rows = checkRows(asStr(c.id), c.data);
    for (const [label, value] of rows.figures) para(`${label}: ${value}`, '      ', '        ');
    for (const t of rows.tables) {
      para(`${t.caption}:`, '      ');
      for (const row of t.rows) para(row.map((cell, i) => (i === 0 || !cell ? cell : `${t.head[i]}: ${cell}`)).filter(Boolean).join('; '), '        - ', '          ');
    }
  }
  const calls = arr(r.calls).map(obj);
  if (calls.length) {
    out.push(`  ${msg('Live calls')}`);
    for (const call of calls) {
      const v = verdictOf(call.verdict);
      item(v, `${VERDICT_WORDS[v]}: ${msg(str`call at ${fmtDate(call.startedAt)}, ${fmtDuration(call.durationMs)}; round trip ${fmt(obj(call.rttMs).avg, 'ms')} on average, jitter ${fmt(obj(call.jitterMs).avg, 'ms', 1)}, packet loss ${fmt(obj(call.lossPct).avg, '%', 1)}, MOS ${fmt(obj(call.mos).avg, '', 2)}.`)}`, 4);
    }
  }
  const switches = arr(r.failover).map(obj);
  if (switches.length) {
    out.push(`  ${msg('Phone switches')}`);
    for (const f of switches) {
      const to = asStr(f.action) === 'to-softphone' ? msg('calls back to the browser (softphone)') : msg('calls to an external phone');
      const how = asStr(f.status) === 'switched' ? msg('switched') : `${msg('failed')}${asStr(f.error) ? ` (${asStr(f.error)})` : ''}`;
      para(`${fmtDate(f.at)}: ${to}, ${how}, ${asStr(f.consent) === 'policy' ? msg("by the page's policy") : msg("with the agent's consent")}. ${asStr(f.reason)}`, '    - ', '      ');
    }
  }

  // 4. Where the report comes from, and how long it took.
  const tool = obj(r.tool);
  const took = totalMs(checks);
  out.push('');
  const madeBy = `${asStr(tool.name) || 'ccp-preflight'} ${asStr(tool.version)}`.trim();
  para(
    (took !== null
      ? msg(str`Report ${asStr(r.id) || '(no id)'} made ${fmtDate(r.createdAt)} by ${madeBy}; the checks took ${fmtDuration(took)}.`)
      : msg(str`Report ${asStr(r.id) || '(no id)'} made ${fmtDate(r.createdAt)} by ${madeBy}.`)) +
      (arr(r.redacted).length ? ` ${msg('Names, addresses and phone digits were removed before sharing.')}` : ''),
  );
  return out.map((l) => l.replace(/\s+$/, '')).join('\n') + '\n';
}


/** From the first check's start to the last check's end; null when the checks carry no times. */
function totalMs(checks: Loose[]): number | null {
  let start = Infinity;
  let end = -Infinity;
  for (const c of checks) {
    const t = Date.parse(asStr(c.startedAt));
    const d = num(c.durationMs);
    if (Number.isNaN(t) || d === null) continue;
    start = Math.min(start, t);
    end = Math.max(end, t + d);
  }
  return end >= start ? end - start : null;
}
