/** Stats core: pure math over getStats payloads (see each module's header). */
export * from './math.js';
export * from './getstats.js';
export * from './mos.js';
export * from './verdict.js';
export * from './rolling.js';
export * from './thresholds.js';
