// Shared imports for the report unit tests.
export * from '../../src/report/index.js';
export { toBase64Url as toBase64UrlForTest } from '../../src/report/share.js';
