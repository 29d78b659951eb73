import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCcpLog, looksLikeCcpLog } from '../../src/report/index.js';
import { mos } from '../../src/stats/mos.js';
import { parseChunked } from '../../src/ccplog/entries.js';
// @ts-expect-error plain JS fixture generator
import { makeLog, makeEntries } from './fixtures/ccplog/generate.mjs';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/ccplog/${name}`, import.meta.url), 'utf8');

describe('parseCcpLog on logs written by the real Streams softphone', () => {
  const log = parseCcpLog(fixture('streams-two-calls.json'));

  it('finds both calls with their contact ids, in order', () => {
    expect(log.ok).toBe(true);
    expect(looksLikeCcpLog(fixture('streams-two-calls.json'))).toBe(true);
    expect(log.calls.map((c) => c.contactId)).toEqual(['11111111-aaaa-4bbb-8ccc-000000000001', '11111111-aaaa-4bbb-8ccc-000000000002']);
    expect(log.calls.every((c) => c.reported)).toBe(true);
    expect(log.calls[0]!.durationMs).toBeGreaterThan(30_000);
  });

  it('gives figures per direction within rounding of what the softphone wrote', () => {
    const [good, bad] = log.calls;
    expect(good!.agentHears!.rttMs.avg).toBeCloseTo(80, 5);
    expect(good!.agentHears!.lossPct).toBe(0);
    expect(good!.verdict).toBe('pass');
    // Call 2: 4 packets lost a second, 20 every 10th second, of 50 expected; RTT 420 ms.
    const a = bad!.agentHears!;
    const seconds = a.seconds;
    const tenths = Math.floor(seconds / 10);
    expect(a.lost).toBe(4 * (seconds - tenths) + 20 * tenths);
    expect(a.lossPct).toBeCloseTo((100 * a.lost) / (a.packets + a.lost), 6);
    expect(a.rttMs.avg).toBeCloseTo(420, 5);
    expect(a.verdict).toBe('fail');
    expect(bad!.callerHears!.lossPct).toBe(0);
    expect(bad!.summary).toMatch(/^What the agent hears: .*packet loss 11.2 %/);
    // The same E-model as the test call, with jitter 0 for this version's buffer-delay meaning.
    expect(a.mos.avg).toBeCloseTo(mos({ rttMs: a.rttMs.avg!, jitterMs: 0, lossPct: a.lossPct! })!, 6);
  });

  it('reads jitterBufferMillis as a buffer delay for Streams 2.28 (the recorded version)', () => {
    expect(log.versions.streams).toBe('2.28.1');
    expect(log.versions.rtcJs).toBe('1.1.20');
    expect(log.versions.jitterMeaning).toBe('jitter-buffer-delay');
    expect(log.calls[1]!.agentHears!.jitterMs).toBeNull();
    expect(log.calls[1]!.agentHears!.jitterBufferMs!.max).toBeGreaterThan(100);
  });

  it('maps the softphone error to remedies and flags the failed call setup', () => {
    const ice = parseCcpLog(fixture('streams-ice-error.json'));
    expect(ice.softphoneErrors.map((e) => e.type)).toEqual(['ice_collection_timeout']);
    expect(ice.softphoneErrors[0]!.contactId).toBe('22222222-aaaa-4bbb-8ccc-000000000001');
    expect(ice.softphoneErrors[0]!.remedies.map((r) => r.id)).toContain('udp-3478-amazon-connect');
    expect(ice.calls[0]!.failures).toContain('ICE candidates could not be gathered');
    expect(ice.problems[0]!.severity).toBe('fail');
    expect(ice.skew.maxAbsMs).toBe(400_000);
    expect(ice.problems.some((p) => p.code === 'clock-skew' && p.severity === 'fail')).toBe(true);
  });
});

describe('parseCcpLog on generated logs', () => {
  it('removes the duplicates the CCP and page layers write', () => {
    const one = parseCcpLog(makeLog({ streams: '2.28.2', calls: [{ contactId: 'c-1', atS: 10, seconds: 40, rttMs: 100, lossPct: 2 }] }));
    const two = parseCcpLog(makeLog({ streams: '2.28.2', duplicate: true, calls: [{ contactId: 'c-1', atS: 10, seconds: 40, rttMs: 100, lossPct: 2 }] }));
    expect(two.duplicatesRemoved).toBe(one.entries);
    expect(two.entries).toBe(one.entries);
    expect(two.calls).toHaveLength(1);
    expect(two.calls[0]!.agentHears!.seconds).toBe(40);
    expect(two.calls[0]!.agentHears!.lossPct).toBeCloseTo(one.calls[0]!.agentHears!.lossPct!, 9);
  });

  it('reads jitterBufferMillis as RTP jitter from Streams 2.29.0 on, and as a buffer delay before', () => {
    const call = { contactId: 'c-1', atS: 5, seconds: 30, rttMs: 100, jbMs: 45 };
    const newer = parseCcpLog(makeLog({ streams: '2.29.0', calls: [call] }));
    const older = parseCcpLog(makeLog({ streams: '2.28.2', calls: [call] }));
    expect(newer.versions.jitterMeaning).toBe('rtp-jitter');
    expect(newer.calls[0]!.agentHears!.jitterMs!.avg).toBeCloseTo(45, 6);
    expect(newer.calls[0]!.agentHears!.findings.some((f) => f.code === 'high-jitter')).toBe(true);
    expect(older.versions.jitterMeaning).toBe('jitter-buffer-delay');
    expect(older.calls[0]!.agentHears!.jitterMs).toBeNull();
    expect(older.calls[0]!.agentHears!.jitterBufferMs!.avg).toBeCloseTo(45, 6);
    // Without a version: a series that only grows is a buffer delay; a flat one is jitter.
    expect(parseCcpLog(makeLog({ calls: [{ ...call, jbMs: (s: number) => 20 + s }] })).versions.jitterMeaning).toBe('jitter-buffer-delay');
    expect(parseCcpLog(makeLog({ calls: [call] })).versions.jitterMeaning).toBe('rtp-jitter');
  });

  it('finds heartbeat gaps, API failures and slow calls, states and missed calls', () => {
    const log = parseCcpLog(
      makeLog({
        streams: '2.28.2',
        calls: [{ contactId: 'c-1', atS: 10, seconds: 20, rttMs: 90 }],
        heartbeatEveryS: 10,
        heartbeatGapS: [30, 80],
        apiFailures: [{ atS: 12, operation: 'acceptContact' }],
        slowApi: [{ atS: 20, operation: 'putAgentState', ms: 4500 }, { atS: 25, operation: 'getAgentSnapshot', ms: 20_000 }],
        states: [
          { atS: 1, name: 'Available', type: 'routable' },
          { atS: 40, name: 'MissedCallAgent', type: 'error' },
          { atS: 60, name: 'Available', type: 'routable' },
        ],
      }),
    );
    expect(log.websocket.gaps).toHaveLength(1);
    expect(log.websocket.gaps[0]!.gapMs).toBe(50_000);
    expect(log.api.failures.map((f) => f.operation)).toEqual(['acceptContact']);
    expect(log.api.slow.map((f) => [f.operation, f.latencyMs])).toEqual([['putAgentState', 4500]]);
    expect(log.states.map((s) => s.name)).toEqual(['Available', 'MissedCallAgent', 'Available']);
    expect(log.missedCalls).toBe(1);
    const codes = log.problems.map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['websocket', 'api-failure', 'api-slow', 'missed-call']));
    expect(log.problems.find((p) => p.code === 'missed-call')!.remedies[0]!.id).toBe('missed-call-available');
  });

  it('splits samples with no call start into calls by gaps, and keeps problems first', () => {
    const log = parseCcpLog(makeLog({ calls: [{ atS: 0, seconds: 30, rttMs: 700 }, { atS: 200, seconds: 30, rttMs: 50 }] }));
    expect(log.calls).toHaveLength(2);
    expect(log.calls.map((c) => c.contactId)).toEqual([null, null]);
    expect(log.calls[0]!.verdict).toBe('fail');
    expect(log.problems[0]!.code).toBe('call-quality');
  });
});

describe('large logs', () => {
  it('a 5 MB log is read in slices with progress, giving the same result as one parse', () => {
    const calls = Array.from({ length: 5 }, (_, i) => ({ contactId: `c-${i}`, atS: i * 100, seconds: 60, rttMs: 90 + i * 100, lossPct: i }));
    const text = makeLog({ streams: '2.28.2', calls, filler: 16_000 }) as string;
    expect(text.length).toBeGreaterThan(4_000_000);
    const phases: number[] = [];
    const sliced = parseCcpLog(text, { onProgress: (f) => phases.push(f) });
    const reading = phases.filter((f) => f > 0.05 && f < 0.4);
    expect(reading.length).toBeGreaterThanOrEqual(10);
    expect([...phases].sort((a, b) => a - b)).toEqual(phases);
    // The same entries without the download layout's indentation at the start: one parse, same result.
    expect(text.startsWith('[\n    {')).toBe(true);
    const whole = parseCcpLog(`[{${text.slice(7)}`);
    expect(sliced.entries).toBe(whole.entries);
    expect(sliced.calls).toEqual(whole.calls);
  }, 60_000);
});

describe('parseCcpLog on hostile and damaged input', () => {
  const good = makeLog({ streams: '2.28.2', calls: [{ contactId: 'c-1', atS: 10, seconds: 60, rttMs: 100, lossPct: 2 }] });

  it('reads a cut-off file up to the cut and says so', () => {
    const cut = parseCcpLog(good.slice(0, Math.floor(good.length * 0.7)));
    expect(cut.ok).toBe(true);
    expect(cut.truncated).toBe(true);
    expect(cut.format).toBe('recovered');
    expect(cut.calls[0]!.contactId).toBe('c-1');
    expect(cut.messages.join(' ')).toMatch(/cut off/);
  });

  it('refuses what is not a log with a message, without throwing', () => {
    for (const input of [undefined, null, 42, '', '   ', 'hello', '{"schema":"ccp-preflight/1"}', '[1,2,3]', '[[[[[[', '{"text":', 'CCPF1.abc']) {
      const r = parseCcpLog(input);
      expect(r.ok).toBe(false);
      expect(r.messages[0]).toMatch(/\w/);
    }
    expect(parseCcpLog('[{"__proto__":{"polluted":1},"text":"x","time":"2026-01-01T00:00:00Z","level":"INFO"}]').ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('fuzz: 600 mutated logs never throw and always give the result shape', () => {
    let seed = 12345;
    const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pieces = ['"', '{', '}', '[', ']', ',', ':', '\\', 'null', '1e999', '-0', 'NaN', '"softphoneStreamType":"audio_output"', 'sendSoftphoneMetrics success[', 'Softphone call detected: contactId '];
    const base = makeLog({ streams: '2.28.2', calls: [{ contactId: 'c-1', atS: 10, seconds: 35, rttMs: 100, lossPct: 2, errors: ['webrtc_error'] }], heartbeatEveryS: 10, states: [{ atS: 1, name: 'Available', type: 'routable' }] });
    let throws = 0;
    for (let i = 0; i < 600; i++) {
      let t = base;
      for (let k = 0; k < 1 + Math.floor(rnd() * 6); k++) {
        const at = Math.floor(rnd() * t.length);
        const op = rnd();
        if (op < 0.4) t = t.slice(0, at) + pieces[Math.floor(rnd() * pieces.length)] + t.slice(at);
        else if (op < 0.8) t = t.slice(0, at) + t.slice(at + 1 + Math.floor(rnd() * 200));
        else t = t.slice(0, at);
      }
      try {
        const sliced = parseChunked(t);
        if (sliced !== null) expect(Array.isArray(sliced)).toBe(true);
        const r = parseCcpLog(t);
        expect(r.kind).toBe('ccp-log');
        expect(Array.isArray(r.calls) && Array.isArray(r.problems)).toBe(true);
        JSON.stringify(r);
      } catch {
        throws++;
      }
    }
    expect(throws).toBe(0);
  }, 120_000);

  it('the result is plain data (the same in Node, a page and a worker)', () => {
    const r = parseCcpLog(good);
    expect(structuredClone(r)).toEqual(r);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('reads the console form and one entry per line', () => {
    const lines = makeEntries({ calls: [{ contactId: 'c-9', atS: 0, seconds: 30, rttMs: 100 }] }) as { time: string; level: string; text: string }[];
    const ndjson = lines.map((e) => JSON.stringify(e)).join('\n');
    expect(parseCcpLog(ndjson).calls[0]!.contactId).toBe('c-9');
    const consoleText = lines.map((e) => `[${e.time}] [${e.level}] [agent]: ${e.text}`).join('\n');
    const r = parseCcpLog(consoleText);
    expect(r.format).toBe('text-lines');
    expect(r.calls[0]!.contactId).toBe('c-9');
  });
});

describe('the texts the parser relies on are in the installed Streams bundle', () => {
  const bundle = readFileSync(new URL('../../node_modules/amazon-connect-streams/release/connect-streams.js', import.meta.url), 'utf8');
  it.each([
    '"sendSoftphoneMetrics success" + JSON.stringify(streamStats)',
    '"sendSoftphoneReport success" + JSON.stringify(callReport)',
    '"sent TelemetryCallReport " + JSON.stringify(telemetryCallReport)',
    '"Softphone call detected:", "contactId " + contact.getContactId(), "agent connectionId " + agentConnectionId',
    '"Softphone error occurred : ", errorType',
    '"StreamsJS Version: " + streamsVersion',
    "\"AWSClient: --> Calling operation '%s'\", method",
    "\"AWSClient: <-- Operation '%s' failed: %s\", method",
    'this.jitterBufferMillis = jitterBufferMillis',
    'JSON.stringify(logs, undefined, 4)',
  ])('%s', (needle) => {
    expect(bundle).toContain(needle);
  });
});
