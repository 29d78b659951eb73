/**
 * Firewall allowlist generator for Amazon Connect CCP softphones, from AWS ip-ranges.json.
 * Pure TypeScript (no DOM, no Node APIs): the CLI (cli/allowlist.mjs) injects file and network access.
 * Built as dist/allowlist.js (vite build input "src/allowlist/index.ts").
 */
export * from './ip.js';
export * from './ranges.js';
export * from './rules.js';
export * from './diff.js';
export * from './format.js';
export * from './generate.js';
export { relayInAmazonConnect } from './match.js';
export { allowlistMain, USAGE, EXIT_OK, EXIT_BAD_INPUT, type AllowlistIo } from './cli.js';
