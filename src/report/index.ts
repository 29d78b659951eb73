/**
 * ccp-preflight/report: the DOM-free entry for tooling and back ends (package.json `exports["./report"]`).
 * Works in Node 20 and browsers: parse, validate, share codes, redaction and comparison of Reports.
 */
export * from './schema.js';
export {
  parseReport,
  parseReportJson,
  validateReport,
  validateCallSummary,
  MAX_INPUT_CHARS,
  MAX_JSON_BYTES,
  MAX_DEPTH,
  MAX_STRING_CHARS,
  MAX_ARRAY_ITEMS,
  type ParseError,
  type ParseErrorCode,
  type ParseResult,
} from './parse.js';
export { encodeShareCode, decodeShareCode, findShareCode, ShareCodeError, SHARE_CODE_PREFIX, type EncodeOptions, type ShareCodeErrorCode } from './share.js';
export { redactReport, redactText, maskE164, countryCallingCode } from './redact.js';
export {
  compareReports,
  formatValue,
  METRICS,
  type MetricDelta,
  type MetricKey,
  type VerdictChange,
  type ReportComparison,
  type Direction,
} from './compare.js';
export * from '../ccplog/index.js';
export { renderReportText, shouldUseColor, type TextOptions } from './text.js';
export { ccpLogText, messagesOf as ccpLogMessages } from '../i18n/ccplog-texts.js';
export { setLocale, getLocale } from '../i18n/runtime.js';
export { checkTitle, progressPhrase, earlyFailLine } from '../i18n/check-titles.js';
export { repeatTexts, type RepeatTexts } from '../i18n/repeat-texts.js';
export { LOCALES, matchLocale, resolveLocale, localeFromEnv, type Locale } from '../i18n/locale.js';
export { checkRows, type CheckRows, type Figure, type Table } from './definition/rows.js';
export { cliTexts, type CliTexts } from '../i18n/cli-texts.js';
export { serveTexts, type ServeTexts } from '../i18n/serve-texts.js';

import { needTexts } from '../i18n/runtime.js';
import { texts as supervisorTexts } from '../generated/parts/supervisor.js';
import { texts as cliPart } from '../generated/parts/cli.js';
// This entry's texts (the report as text, the CCP log, the command line's own) are not only the widget's.
void needTexts(supervisorTexts);
void needTexts(cliPart);
