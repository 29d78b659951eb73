import { describe, expect, it } from 'vitest';
import { lossLimitedKbps, MAX_BYTES, PACE_KBPS, SEND_MS } from '../../src/checks/bandwidth.js';

describe('bandwidth: loss-limited rate of a congestion-controlled transfer (Mathis)', () => {
  it('uses the sender round trip (2 x rttMs) and loss in percent', () => {
    // 1200 B * 8 / 1000 = 9.6 kbit per packet; RTT 2 x 150 ms = 0.3 s; 1.22 / sqrt(0.04) = 6.1
    expect(lossLimitedKbps(150, 4)).toBeCloseTo((9.6 / 0.3) * 6.1, 6);
    expect(lossLimitedKbps(150, 0)).toBeCloseTo((9.6 / 0.3) * (1.22 / Math.sqrt(0.001)), 6);
    expect(lossLimitedKbps(null, 1)).toBeNull();
    expect(lossLimitedKbps(0, 1)).toBeNull();
  });
  it('bounds the bytes sent per direction by the pace and the send time', () => {
    expect(MAX_BYTES).toBe(Math.ceil((PACE_KBPS * SEND_MS) / 8 / 1000) * 1000);
    expect(MAX_BYTES).toBeLessThanOrEqual(200_000);
  });
});
