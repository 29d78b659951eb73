// Stats math on REAL getStats payloads recorded from Debian Chromium (bench/lib/record-getstats.mjs): a
// relayed audio call through coturn, directly and behind the impairment proxy (40 ms ± 10 ms, 3 % loss
// each way). Expected values are worked out by hand from the raw fields quoted in the comments.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { audioSnapshot, counterDelta, localCandidates, remoteInboundRttSeconds, selectedCandidatePair, snapshotDelta, statsEntries } from '../../src/stats/getstats.js';

const load = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/getstats/${name}.json`, import.meta.url), 'utf8')) as {
    first: { a: unknown[]; b: unknown[] };
    second: { a: unknown[]; b: unknown[] };
  };

describe('getStats payloads from Chromium: proxied relay call (40 ms ± 10 ms, 3 % loss each way)', () => {
  const f = load('relay-proxy-d40-j10-l3');

  it('reads audio RTP, the selected relay pair and the codec, converting seconds to ms', () => {
    const s = audioSnapshot(f.second.a);
    // outbound-rtp.packetsSent 237, inbound-rtp.packetsReceived 228 / packetsLost 9, jitter 0.008 s,
    // selected pair currentRoundTripTime 0.175 s (the loop's round trip: 2 x 40 ms x 2 legs + jitter).
    expect(s.packetsSent).toBe(237);
    expect(s.packetsReceived).toBe(228);
    expect(s.packetsLost).toBe(9);
    expect(s.jitterMs).toBeCloseTo(8, 10);
    expect(s.candidatePairRttMs).toBeCloseTo(175, 10);
    expect(s.remoteInboundRttMs).toBeNull(); // no RTCP receiver report yet, 4.5 s into the call
    expect(s.localCandidate?.candidateType).toBe('relay');
    expect(s.codec).toBe('audio/opus');
  });

  it('loss and bitrate from counter deltas between two payloads, not cumulative ratios', () => {
    const d = snapshotDelta(audioSnapshot(f.first.a), audioSnapshot(f.second.a));
    // received 82 -> 228 (+146), lost 5 -> 9 (+4): 4 / 150 = 2.67 % in the interval (cumulative: 9/237 = 3.8 %)
    expect(d.packetsReceived).toBe(146);
    expect(d.packetsLost).toBe(4);
    expect(d.lossPct).toBeCloseTo((100 * 4) / 150, 10);
    expect(d.packetsSent).toBe(150);
    // bytesSent 7104 -> 19254 over 3002.146 ms: 12150 * 8 / 3002.146 = 32.38 kbit/s
    expect(d.intervalMs).toBeCloseTo(3002.146, 2);
    expect(d.sendKbps).toBeCloseTo((12150 * 8) / 3002.146, 6);
    expect(d.recvKbps).toBeCloseTo(((18525 - 6699) * 8) / 3002.146, 6);
  });

  it('peer B sees its own direction: 220 received, 13 lost at 4.5 s', () => {
    const b = snapshotDelta(audioSnapshot(f.first.b), audioSnapshot(f.second.b));
    expect(b.packetsReceived).toBe(140);
    expect(b.packetsLost).toBe(9);
    expect(b.lossPct).toBeCloseTo((100 * 9) / 149, 10);
  });
});

describe('getStats payloads from Chromium: direct relay call through coturn', () => {
  const f = load('relay-clean');

  it('accepts arrays, Maps and id-keyed objects alike', () => {
    const arr = f.second.a as { id: string }[];
    const asMap = new Map(arr.map((e) => [e.id, e]));
    const asObj = Object.fromEntries(arr.map((e) => [e.id, e]));
    expect(statsEntries(asMap)).toHaveLength(arr.length);
    expect(statsEntries(asObj)).toHaveLength(arr.length);
    expect(audioSnapshot(asMap)).toEqual(audioSnapshot(arr));
  });

  it('finds the selected pair through the transport, and only relay local candidates (policy relay)', () => {
    const pair = selectedCandidatePair(statsEntries(f.second.a));
    expect(pair?.type).toBe('candidate-pair');
    const cands = localCandidates(f.second.a);
    expect(cands.length).toBeGreaterThan(0);
    expect(cands.every((c) => c.candidateType === 'relay')).toBe(true);
    expect(cands.some((c) => c.address === '127.0.0.1')).toBe(true);
  });

  it('a clean loopback call loses nothing in the interval; jitter 0.003 s is 3 ms', () => {
    const a = audioSnapshot(f.second.a);
    const d = snapshotDelta(audioSnapshot(f.first.a), a);
    // packetsReceived 76 -> 226, packetsLost 0 -> 0
    expect(d.packetsReceived).toBe(150);
    expect(d.packetsLost).toBe(0);
    expect(d.lossPct).toBe(0);
    expect(a.jitterMs).toBeCloseTo(3, 10);
    // currentRoundTripTime is ONE STUN consent sample (0.001 s at 1.5 s, 0.014 s at 4.5 s on a busy
    // machine): noisy, which is why the media check uses it only as a cross-check beside its probes.
    expect(audioSnapshot(f.first.a).candidatePairRttMs).toBeCloseTo(1, 10);
    expect(a.candidatePairRttMs).toBeCloseTo(14, 10);
  });

  it('counter resets give no delta', () => {
    expect(counterDelta(100, 40)).toBeNull();
    expect(counterDelta(null, 40)).toBeNull();
    expect(counterDelta(40, 100)).toBe(60);
  });
});

// Firefox: the same call recorded from Debian Firefox ESR 153 over WebDriver BiDi
// (`node bench/lib/record-getstats.mjs --browser firefox`): a 440 Hz tone at gain 0.1 each way.
describe('getStats payloads from Firefox ESR: proxied relay call (40 ms ± 10 ms, 3 % loss each way)', () => {
  const f = load('firefox-relay-proxy-d40-j10-l3');

  it('feeds the same figures as Chromium: RTP counters, jitter and pair RTT in ms, the relay pair, the codec', () => {
    const s = audioSnapshot(f.second.a);
    // outbound-rtp.packetsSent 223; inbound-rtp.packetsReceived 208, packetsLost 13, jitter 0.011 s;
    // transport.selectedCandidatePairId -> currentRoundTripTime 0.156 s (Firefox: millisecond resolution).
    expect(s.packetsSent).toBe(223);
    expect(s.packetsReceived).toBe(208);
    expect(s.packetsLost).toBe(13);
    expect(s.jitterMs).toBeCloseTo(11, 10);
    expect(s.candidatePairRttMs).toBeCloseTo(156, 10);
    expect(s.localCandidate).toMatchObject({ candidateType: 'relay', protocol: 'udp', relayProtocol: 'udp', address: '127.0.0.1' });
    expect(s.localCandidate?.url).toBeNull(); // Firefox does not name the TURN URL on the candidate
    expect(s.codec).toBe('audio/opus');
  });

  it('Firefox gives remote-inbound-rtp without roundTripTime until RTCP measured one: null, not 0', () => {
    const rin = statsEntries(f.second.a).find((e) => e.type === 'remote-inbound-rtp')!;
    expect([rin['roundTripTime'], rin['roundTripTimeMeasurements'], rin['totalRoundTripTime']]).toEqual([undefined, 0, 0]);
    expect(audioSnapshot(f.second.a).remoteInboundRttMs).toBeNull();
    expect(remoteInboundRttSeconds(rin)).toBeNull();
    // With totals only (an entry Firefox may give between reports), their mean stands in.
    expect(remoteInboundRttSeconds({ ...rin, roundTripTimeMeasurements: 4, totalRoundTripTime: 0.6 })).toBeCloseTo(0.15, 12);
  });

  it('audio level: the received tone at inbound-rtp.audioLevel ≈ its 0.1 gain; Firefox has no level on media-source', () => {
    const s = audioSnapshot(f.second.a);
    expect(s.recvAudioLevel!).toBeCloseTo(0.1, 2); // 0.10269
    expect(s.sendAudioLevel).toBeNull();
    const chromium = audioSnapshot(load('relay-proxy-d40-j10-l3').second.a);
    expect(typeof chromium.sendAudioLevel).toBe('number'); // Chromium's media-source carries it
  });

  it('loss and bitrate from counter deltas, as for Chromium', () => {
    const d = snapshotDelta(audioSnapshot(f.first.a), audioSnapshot(f.second.a));
    // received 85 -> 208 (+123), lost 7 -> 13 (+6): 6 / 129 = 4.65 % in the interval (the proxy dropped ~3 % of
    // each of the two legs the audio crosses); timestamps 1796182698289 -> 1796182701293 (3004 ms);
    // bytesSent 11913 -> 32843 (+20930).
    expect([d.packetsReceived, d.packetsLost, d.packetsSent]).toEqual([123, 6, 130]);
    expect(d.lossPct).toBeCloseTo((100 * 6) / 129, 10);
    expect(d.intervalMs).toBe(3004);
    expect(d.sendKbps).toBeCloseTo((20930 * 8) / 3004, 10);
  });
});

describe('getStats payloads from Firefox ESR: direct relay call through coturn', () => {
  const f = load('firefox-relay-clean');

  it('remote-inbound-rtp.roundTripTime once measured (2.686 ms on loopback); 0 ms pair RTT stays a number', () => {
    const b = audioSnapshot(f.second.b);
    expect(b.remoteInboundRttMs).toBeCloseTo(2.686, 10);
    const a = audioSnapshot(f.second.a);
    expect(a.remoteInboundRttMs).toBeNull(); // A's peer had not sent a receiver report with a delay yet
    expect(a.candidatePairRttMs).toBe(0); // below Firefox's 1 ms resolution on loopback
    expect(a.packetsLost).toBe(0);
  });

  it('finds the pair in use without a transport entry (older Firefox: `selected: true`) and reads pre-standard type names', () => {
    const entries = (f.second.a as { type: string; id: string }[]).filter((e) => e.type !== 'transport');
    expect(selectedCandidatePair(statsEntries(entries))?.['selected']).toBe(true);
    const legacy = (f.second.a as { type: string }[]).map((e) => ({ ...e, type: e.type.replace(/-(rtp|pair|candidate)$/, '$1').replace(/^(inbound|outbound|candidate|local|remote)-/, '$1') }));
    expect(legacy.some((e) => e.type === 'inboundrtp')).toBe(true);
    const s = audioSnapshot(legacy);
    expect([s.packetsReceived, s.packetsSent, s.localCandidate?.candidateType]).toEqual([221, 207, 'relay']);
  });
});
