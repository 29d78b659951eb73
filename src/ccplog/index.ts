/** Reading a CCP log (agent-log.txt): DOM-free, exported from `ccp-preflight/report`. */
export { parseCcpLog, looksLikeCcpLog, MAX_LOG_CHARS } from './parse.js';
export { STREAMS_JITTER_SINCE } from './versions.js';
export { API_SLOW_MS, HEARTBEAT_GAP_MS, SKEW_WARN_MS, SKEW_FAIL_MS } from './signals.js';
export type * from './types.js';
