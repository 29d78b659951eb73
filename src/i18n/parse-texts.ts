/**
 * Why a pasted report could not be opened, said in the reader's language (DOM-free). parseReport's errors carry
 * their English sentence (`message`, what the collector's API returns) and, for a refusal of the input as a whole,
 * a stable `code` with the figures that sentence uses (`params`, src/report/parse.ts ParseError); here the
 * sentence is made again from the code and those figures in the active language, for a supervisor: what
 * happened and what to do. English shows the error's own sentence; a code this version does not know shows it
 * too, and so does a per-field problem (its English detail, marked as English by the viewer).
 *
 * These texts belong to the supervisor's part; the report viewer (in the widget's part) imports this module only
 * when it has errors to show, and the part loads with it wherever the viewer is embedded.
 */
import { msg, str } from '@lit/localize';
import { getLocale, needTexts } from './runtime.js';
import { texts as supervisorTexts } from '../generated/parts/supervisor.js';

/** The supervisor part's texts in the active language (resolves once they are there; never rejects). */
export const ready: Promise<void> = needTexts(supervisorTexts).catch(() => undefined);

/** What the viewer knows of a parse error (src/report/parse.ts ParseError). */
export interface ParseErrorLike {
  path?: string;
  code?: string;
  message: string;
  params?: Readonly<Record<string, string | number | undefined>>;
}

/** The error's sentence in the active language (its own English sentence in English, for a field or when unknown). */
export function parseErrorText(e: ParseErrorLike): string {
  if (getLocale() === 'en') return e.message;
  return parseFromCode(e) ?? e.message;
}

/** The lead above the list of per-field problems (each a path and the English detail, marked as English). */
export function fieldProblemsLead(): string {
  return msg('These parts of the report are not valid:');
}

/** What to do about per-field problems, under their list. */
export function fieldProblemsAdvice(): string {
  return msg('The report was changed after it was made, or it comes from another tool. Ask the agent to copy the report again, or to send the downloaded JSON file.');
}

const num = (n: string | number | undefined): string => (typeof n === 'number' ? new Intl.NumberFormat(getLocale()).format(n) : String(n ?? ''));
const text = (s: string | number | undefined): string => (s === undefined ? '' : String(s));

/** The sentence for a code and its params in the active language; undefined when this version does not know it. Exported for tests. */
export function parseFromCode(e: ParseErrorLike): string | undefined {
  const p = e.params ?? {};
  switch (e.code) {
    case 'unreadable':
      return msg('The report could not be read because of an error in the viewer. Ask the agent to copy the report again, or to send the downloaded JSON file; if it happens again, tell IT.');
    case 'not-text':
      return msg('The viewer was given something other than text, so there is no report to read. Paste the report the agent copied, or open the JSON file the agent downloaded.');
    case 'too-large':
      return msg(str`What was pasted is too long to be a report: ${num(p.chars)} characters, over the limit of ${num(p.limit)} (a full report is usually under 50,000). Check that only the report was pasted.`);
    case 'empty':
      return msg('Nothing was pasted. Paste the report the agent copied: the JSON starting with "{", or the share code starting with "CCPF1.".');
    case 'share-prefix':
      return msg('This is not a share code: a share code starts with "CCPF1.". Ask the agent to copy the share code again (all of it), or to send the report as JSON.');
    case 'share-empty':
    case 'share-incomplete':
      return msg('The share code is incomplete: it was cut off when it was copied. Ask the agent to copy the share code again (all of it), or to send the report as JSON.');
    case 'share-characters':
      return p.char === undefined || p.position === undefined
        ? undefined
        : msg(str`The share code contains a character that cannot be in one ("${text(p.char)}", character ${num(p.position)}): it was changed when it was copied. Ask the agent to copy the share code again (all of it), or to send the report as JSON.`);
    case 'share-damaged':
      return msg('The share code is incomplete or damaged and could not be unpacked (it was probably cut off or changed when it was copied). Ask the agent to copy the share code again (all of it), or to send the report as JSON.');
    case 'share-unreadable-text':
      return msg('The share code is damaged: it unpacked into unreadable text. Ask the agent to copy the share code again (all of it), or to send the report as JSON.');
    case 'share-too-large':
      return msg(str`The share code unpacks to more than ${num(p.limit)} bytes, over this viewer's limit: it is not a report from this tool, or it was altered. Ask the agent for the report as JSON.`);
    case 'share-unsupported':
      return msg('This browser cannot open share codes. Use a current version of Chrome, Edge or Firefox, or ask the agent for the report as JSON.');
    case 'share-undecodable':
      return msg('The share code could not be read. Ask the agent to copy the share code again (all of it), or to send the report as JSON.');
    case 'share-not-report':
      return msg('The share code is damaged: it unpacked, but not into a report (some characters were probably changed or lost when it was copied). Ask the agent to copy the share code again (all of it), or to send the report as JSON.');
    case 'code-with-words':
      return msg('The text contains a share code, but also other words before it. Paste only the code: from "CCPF1." to its last character.');
    case 'code-version':
      return msg(str`This share code starts with "${text(p.start)}", a kind this viewer does not read (it reads codes starting with "CCPF1."). Update the viewer, or ask the agent for the report as JSON.`);
    case 'not-json-or-code':
      return msg(str`This is neither a report's JSON (which starts with "{") nor a share code (which starts with "CCPF1."): it starts with "${text(p.start)}". Ask the agent to copy the report again, or to send the downloaded JSON file.`);
    case 'too-deep':
      return msg(str`The report is nested too deeply (more than ${num(p.max)} levels; a real report has about 7): it is not a report from this tool, or it was altered. Ask the agent to copy the report again, or to send the downloaded JSON file.`);
    case 'json-cut-off':
      return msg('The report is cut off: its JSON ends too early, as if part of it was lost when it was copied. Ask the agent to copy the report again, or to send the downloaded JSON file.');
    case 'json-invalid':
      return typeof p.position === 'number'
        ? msg(str`This is not valid JSON (the error is near character ${num(p.position)}): it was probably changed when it was copied. Ask the agent to copy the report again, or to send the downloaded JSON file.`)
        : msg('This is not valid JSON: it was probably changed when it was copied. Ask the agent to copy the report again, or to send the downloaded JSON file.');
    case 'not-object':
      return msg('This is JSON, but not a report: a report is one object, between "{" and "}". Ask the agent to copy the report again, or to send the downloaded JSON file.');
    case 'no-schema':
      return msg(str`This is JSON, but not a report from this tool: it has no "schema" field (a report has "schema": "${text(p.expected)}"). Ask the agent to copy the report again, or to send the downloaded JSON file.`);
    case 'schema-not-text':
      return msg(str`This is not a report from this tool: its "schema" field is not text like "${text(p.expected)}". Ask the agent to copy the report again, or to send the downloaded JSON file.`);
    case 'other-schema':
      return msg(str`This is not a report from this tool: its schema is "${text(p.schema)}" (a report has "${text(p.expected)}"). Check that you pasted the report the agent copied with this tool.`);
    case 'schema-newer':
      return msg(str`This report uses ${text(p.schema)}, which is newer than this viewer reads (${text(p.expected)}). Open it in an updated viewer, or ask the agent to update the tool that made it.`);
    case 'schema-older':
      return msg(str`This report uses ${text(p.schema)}, a version this viewer does not know (it reads ${text(p.expected)}). Ask the agent to make the report again with the current tool.`);
    case 'more':
      return msg(str`…and ${num(p.count)} more problems.`);
    default:
      return undefined;
  }
}
