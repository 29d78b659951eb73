/**
 * The Report's plain constants: schema id, check ids, verdicts and other closed sets of values. Plain arrays,
 * no schema library, so the up-front widget bundle can import them without loading the validator; the Valibot
 * definition (./report.ts, ./checks.ts) builds its picklists from these same arrays.
 */

/** The schema id of this major version. Readers refuse any other `ccp-preflight/N`. */
export const REPORT_SCHEMA = 'ccp-preflight/1' as const;

/** Check ids are part of the report format: the one list, in the canonical run order. */
export const CHECK_IDS = ['browser', 'workstation', 'devices', 'ccp', 'endpoints', 'ice-udp', 'ice-tcp', 'ice-tls', 'media', 'bandwidth'] as const;

/** String verdicts (readable in JSON). Order of severity: fail > warn > pass > skip. */
export const VERDICTS = ['pass', 'warn', 'fail', 'skip'] as const;

export const CCP_MODES = ['full', 'media-less', 'none'] as const;
export const FIT_VALUES = ['yes', 'no', 'unknown'] as const;
export const TRANSPORTS = ['udp', 'tcp', 'tls'] as const;
export const ICE_SOURCES = ['ccp', 'config', 'none'] as const;
export const MOS_BANDS = ['good', 'fair', 'poor'] as const;
export const HEADSET_KINDS = ['usb', 'bluetooth', 'analog', 'builtin', 'virtual', 'unknown'] as const;
export const BROWSER_FAMILIES = ['chrome', 'chromium', 'edge', 'firefox', 'safari', 'other'] as const;
export const ENDPOINT_OUTCOMES = ['ok', 'slow', 'blocked', 'dns', 'timeout', 'error'] as const;
export const REMEDY_AUDIENCES = ['agent', 'network-admin', 'supervisor', 'it'] as const;
export const CCP_STATES = ['initialized', 'login-needed', 'auth-failed', 'access-denied', 'iframe-retries-exhausted', 'timeout', 'not-configured', 'error'] as const;
