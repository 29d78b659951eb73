/**
 * Network allowlist generator for Amazon Connect CCP softphones: Option 1 (domains) and Option 2 (IP ranges
 * from AWS ip-ranges.json) of the Amazon Connect networking guide.
 * Pure TypeScript (no DOM, no Node APIs): the CLI (cli/allowlist.mjs) injects file and network access.
 * Built as dist/allowlist.js (vite build input "src/allowlist/index.ts").
 */
export * from './ip.js';
export * from './ranges.js';
export * from './rules.js';
export * from './domains.js';
export * from './diff.js';
export * from './deadlines.js';
export * from './notes.js';
export * from './sources.js';
export * from './format.js';
export * from './generate.js';
export { relayInAmazonConnect } from './match.js';
export { allowlistMain, USAGE, EXIT_OK, EXIT_BAD_INPUT, type AllowlistIo } from './cli.js';
// The language of the table and messages (cli/allowlist.mjs sets it from --lang, else LC_ALL / LC_MESSAGES / LANG).
export { allowlistTexts, type AllowlistTexts, type AllowlistNotice } from '../i18n/allowlist-texts.js';
export { setLocale, getLocale } from '../i18n/runtime.js';
export { localeFromEnv } from '../i18n/locale.js';

import { needTexts } from '../i18n/runtime.js';
import { texts as cliPart } from '../generated/parts/cli.js';
void needTexts(cliPart); // the allowlist's texts are the command line's, not the widget's
