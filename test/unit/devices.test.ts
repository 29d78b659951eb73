import { describe, expect, it } from 'vitest';
import {
  CLIP_SAMPLE_ABS,
  CLIPPING_PCT,
  DBFS_FLOOR,
  LevelMeter,
  SILENT_RMS_DBFS,
  captureFailure,
  classifyHeadset,
  classifyLevel,
  createDevicesCheck,
  listInputs,
  reportDbfs,
  toDbfs,
} from '../../src/checks/devices.js';
import type { CheckContext, Deps } from '../../src/checks/types.js';
import type { DevicesData, HeadsetKind } from '../../src/report/schema.js';
import { resolveOptions } from '../../src/runner.js';

describe('headset kind from device labels', () => {
  const table: [string, HeadsetKind][] = [
    ['Headset Microphone (Jabra EVOLVE 20 MS) (0b0e:0300)', 'usb'],
    ['Microphone (Logitech USB Headset H390) (046d:0a44)', 'usb'],
    ['Default - Echo Cancelling Speakerphone (Jabra SPEAK 510 USB) (0b0e:0422)', 'usb'],
    ['Communications - Headset Microphone (Plantronics Blackwire 3220 Series) (047f:c056)', 'usb'],
    ['Headset (WH-1000XM4 Hands-Free AG Audio)', 'bluetooth'],
    ['AirPods Pro', 'bluetooth'],
    ['Headset Microphone (Bluetooth Audio)', 'bluetooth'],
    ['Jabra Evolve2 65 BT', 'bluetooth'],
    ['Headset Microphone (Realtek(R) Audio)', 'analog'],
    ['External Microphone', 'analog'],
    ['Front Mic (Realtek High Definition Audio)', 'analog'],
    ['MacBook Pro Microphone', 'builtin'],
    ['Microphone Array (Intel® Smart Sound Technology for Digital Microphones)', 'builtin'],
    ['Built-in Audio Analog Stereo', 'builtin'],
    ['Internal Microphone', 'builtin'],
    ['HD Pro Webcam C920 (046d:082d)', 'builtin'],
    ['Fake Default Audio Input', 'virtual'],
    ['Fake Audio Input 1', 'virtual'],
    ['CABLE Output (VB-Audio Virtual Cable)', 'virtual'],
    ['Stereo Mix (Realtek(R) Audio)', 'virtual'],
    ['BlackHole 2ch', 'virtual'],
    ['Monitor of Built-in Audio Analog Stereo', 'virtual'],
    ['Default', 'unknown'],
    ['Microphone (Realtek(R) Audio)', 'unknown'],
    ['', 'unknown'],
  ];
  it.each(table)('%s -> %s', (label, kind) => {
    expect(classifyHeadset(label)).toBe(kind);
  });

  it('lists inputs once, folding Chrome\'s pseudo entries into the default mark', () => {
    const dev = (kind: MediaDeviceKind, deviceId: string, label: string, groupId = deviceId) => ({ kind, deviceId, label, groupId, toJSON: () => ({}) }) as MediaDeviceInfo;
    const list = listInputs([
      dev('audioinput', 'default', 'Default - Headset Microphone (Jabra EVOLVE 20 MS) (0b0e:0300)', 'g1'),
      dev('audioinput', 'communications', 'Communications - Headset Microphone (Jabra EVOLVE 20 MS) (0b0e:0300)', 'g1'),
      dev('audioinput', 'a', 'Microphone Array (Realtek(R) Audio)', 'g2'),
      dev('audioinput', 'b', 'Headset Microphone (Jabra EVOLVE 20 MS) (0b0e:0300)', 'g1'),
      dev('audiooutput', 'c', 'Speakers', 'g2'),
    ]);
    expect(list).toEqual([
      { label: 'Microphone Array (Realtek(R) Audio)', kind: 'builtin', isDefault: false },
      { label: 'Headset Microphone (Jabra EVOLVE 20 MS) (0b0e:0300)', kind: 'usb', isDefault: true },
    ]);
  });
});

describe('level meter', () => {
  const tone = (amp: number, n = 4800) => Float32Array.from({ length: n }, (_, i) => amp * Math.sin((2 * Math.PI * 440 * i) / 48000));

  it('measures RMS and peak in dBFS', () => {
    const m = new LevelMeter();
    m.add(tone(0.5));
    const r = m.result();
    expect(r.rmsDbfs!).toBeCloseTo(toDbfs(0.5 / Math.SQRT2), 1); // a sine's RMS is peak/sqrt(2): -9.03 dBFS
    expect(r.peakDbfs!).toBeCloseTo(toDbfs(0.5), 1);
    expect(r.clippedPct).toBe(0);
    expect(classifyLevel(r)).toBe('ok');
  });

  it('classifies the edges: silent below -80 dBFS, clipping from 0.1 % full-scale samples', () => {
    const at = (rmsDbfs: number | null, clippedPct: number | null) => classifyLevel({ rmsDbfs, clippedPct });
    expect(at(SILENT_RMS_DBFS - 0.01, 0)).toBe('silent');
    expect(at(SILENT_RMS_DBFS, 0)).toBe('ok');
    expect(at(Number.NEGATIVE_INFINITY, 0)).toBe('silent');
    expect(at(-3, CLIPPING_PCT)).toBe('clipping');
    expect(at(-3, CLIPPING_PCT - 0.001)).toBe('ok');
    expect(at(null, null)).toBe('unknown');
    // Digital silence.
    const z = new LevelMeter();
    z.add(new Float32Array(1000));
    expect(z.result().rmsDbfs).toBe(Number.NEGATIVE_INFINITY);
    expect(reportDbfs(z.result().rmsDbfs)).toBe(DBFS_FLOOR);
    // A square wave at full scale clips on every sample.
    const sq = new LevelMeter();
    sq.add(Float32Array.from({ length: 1000 }, (_, i) => (i % 2 ? 1 : -1) * CLIP_SAMPLE_ABS));
    expect(sq.result().clippedPct).toBe(100);
    // A few isolated full-scale samples (a knock) are not clipping.
    const knock = new LevelMeter();
    const f = tone(0.3, 48000);
    f[100] = 1;
    f[200] = -1;
    knock.add(f);
    expect(classifyLevel(knock.result())).toBe('ok');
  });
});

describe('capture errors', () => {
  const err = (name: string, message = '') => Object.assign(new Error(message), { name });
  it.each([
    ['NotAllowedError', 'Permission denied', 'permission-denied', /blocked for this site.*Allow/],
    ['NotAllowedError', 'Permission denied by system', 'os-permission-denied', /privacy settings/],
    ['SecurityError', '', 'permission-denied', /blocked/],
    ['NotFoundError', 'Requested device not found', 'no-microphone', /No microphone was found/],
    ['OverconstrainedError', '', 'no-microphone', /No microphone/],
    ['NotReadableError', 'Could not start audio source', 'mic-busy', /another program/],
    ['AbortError', '', 'mic-busy', /could not be opened/],
    ['TypeError', "Cannot read properties of undefined (reading 'getUserMedia')", 'no-capture-api', /cannot use a microphone/],
    ['Error', 'getUserMedia is not available (is this page served over HTTPS?)', 'no-capture-api', /cannot use a microphone/],
    ['WeirdError', 'odd', 'capture-error', /WeirdError: odd/],
  ])('%s "%s" -> %s', (name, message, code, re) => {
    const f = captureFailure(err(name, message), true);
    expect(f.code).toBe(code);
    expect(f.verdict).toBe('fail');
    expect(f.sentence).toMatch(re);
  });
  it('explains HTTPS when the page is not a secure context', () => {
    expect(captureFailure(err('TypeError', 'x'), false).sentence).toMatch(/https:\/\//);
  });
});

// ---- the check with fake media --------------------------------------------------------------------------

class FakeTrack {
  readyState: 'live' | 'ended' = 'live';
  constructor(readonly label: string) {}
  stop() {
    this.readyState = 'ended';
  }
}
class FakeStream {
  tracks: FakeTrack[];
  constructor(label: string) {
    this.tracks = [new FakeTrack(label)];
  }
  getTracks() {
    return this.tracks;
  }
  getAudioTracks() {
    return this.tracks;
  }
}

function fakeAudioContext(frame: (i: number) => Float32Array, state: AudioContextState = 'running') {
  let reads = 0;
  const ac = {
    state,
    closed: false,
    resume: async () => {},
    close: async () => {
      ac.state = 'closed';
      ac.closed = true;
    },
    createMediaStreamSource: () => ({ connect: () => {}, disconnect: () => {} }),
    createAnalyser: () => ({
      fftSize: 2048,
      getFloatTimeDomainData: (buf: Float32Array) => buf.set(frame(reads++).subarray(0, buf.length)),
    }),
  };
  return ac;
}

/**
 * Fake timers on a fake clock: due timers fire one per macrotask in due order, so promises that settle in
 * microtasks (a fake getUserMedia) come first, as they would in real time.
 */
function clock() {
  let t = 0;
  let timers: { due: number; fn: () => void; h: object }[] = [];
  let scheduled = false;
  const pump = () => {
    scheduled = false;
    timers.sort((a, b) => a.due - b.due);
    const next = timers.shift();
    if (!next) return;
    t = Math.max(t, next.due);
    next.fn();
    if (timers.length) schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(pump);
  };
  return {
    now: () => t,
    setTimeout: (fn: () => void, ms: number) => {
      const h = {};
      timers.push({ due: t + ms, fn, h });
      schedule();
      return h;
    },
    clearTimeout: (h: unknown) => {
      timers = timers.filter((x) => x.h !== h);
    },
  };
}

interface Setup {
  permission?: 'granted' | 'denied' | 'prompt' | 'unknown';
  gum?: () => Promise<MediaStream>;
  label?: string;
  frame?: (i: number) => Float32Array;
  acState?: AudioContextState;
  noAudio?: boolean;
  devices?: Partial<MediaDeviceInfo>[];
  userAgent?: string;
}

function setup(s: Setup = {}) {
  const streams: FakeStream[] = [];
  const acs: ReturnType<typeof fakeAudioContext>[] = [];
  let perm = s.permission ?? 'granted';
  const c = clock();
  const deps = {
    ...c,
    navigator: { userAgent: s.userAgent ?? 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/158.0.0.0 Safari/537.36' },
    isSecureContext: true,
    queryPermission: async () => perm,
    getUserMedia:
      s.gum ??
      (async () => {
        const st = new FakeStream(s.label ?? 'Headset Microphone (Jabra EVOLVE 20 MS) (0b0e:0300)');
        streams.push(st);
        if (perm === 'prompt') perm = 'granted';
        return st as unknown as MediaStream;
      }),
    enumerateDevices: async () =>
      (s.devices ?? [
        { kind: 'audioinput', deviceId: 'a', label: s.label ?? 'Headset Microphone (Jabra EVOLVE 20 MS) (0b0e:0300)', groupId: 'g' },
        { kind: 'audiooutput', deviceId: 'b', label: 'Headphones (Jabra EVOLVE 20 MS) (0b0e:0300)', groupId: 'g' },
      ]) as MediaDeviceInfo[],
    ...(s.noAudio
      ? {}
      : {
          createAudioContext: () => {
            const ac = fakeAudioContext(s.frame ?? (() => Float32Array.from({ length: 2048 }, (_, i) => 0.1 * Math.sin(i / 5))), s.acState);
            acs.push(ac);
            return ac as unknown as AudioContext;
          },
        }),
  } as unknown as Deps;
  const ctx: CheckContext = { options: resolveOptions({}), deps, results: new Map(), iceServers: async () => ({ source: 'none', servers: [] }), progress: () => {} };
  return { ctx, streams, acs };
}

async function run(s: Setup = {}, signal = new AbortController().signal) {
  const x = setup(s);
  const out = await createDevicesCheck().run(x.ctx, signal);
  return { ...x, out: out as typeof out & { data: DevicesData } };
}

describe('devices check', () => {
  it('passes a USB headset with a normal level, stops the track and closes the audio context', async () => {
    const { out, streams, acs } = await run();
    expect(out.verdict).toBe('pass');
    expect(out.data).toMatchObject({ permission: 'granted', captureOk: true, level: 'ok', outputs: 1, outputsKnown: true, liveTracksAfter: 0 });
    expect(out.data.selectedInput).toEqual({ label: 'Headset Microphone (Jabra EVOLVE 20 MS) (0b0e:0300)', kind: 'usb' });
    expect(out.data.levelDbfs!).toBeCloseTo(-23, 0); // 0.1 amplitude sine: -20 dBFS peak, -23 dBFS RMS
    expect(out.summary).toMatch(/Your microphone works: "Headset Microphone .*" \(a USB headset\), level -2\d(\.\d)? dBFS; 1 speaker\/headphone device found/);
    expect(streams[0]!.tracks.every((t) => t.readyState === 'ended')).toBe(true);
    expect(acs[0]!.closed).toBe(true);
  });

  it('fails at once when the permission is denied, without opening the microphone', async () => {
    let asked = 0;
    const { out } = await run({ permission: 'denied', gum: async () => (asked++, Promise.reject(new Error('x'))) });
    expect([out.verdict, out.code]).toEqual(['fail', 'permission-denied']);
    expect(asked).toBe(0);
    expect(out.summary).toMatch(/Microphone access is blocked .*set Microphone to Allow/);
    expect(out.data.permission).toBe('denied');
  });

  it('fails with the reason when getUserMedia rejects: denied in the prompt, no microphone, busy', async () => {
    const rej = (name: string) => async () => Promise.reject(Object.assign(new Error(name), { name }));
    expect((await run({ permission: 'prompt', gum: rej('NotAllowedError') })).out.code).toBe('permission-denied');
    const nf = await run({ gum: rej('NotFoundError'), devices: [] });
    expect([nf.out.verdict, nf.out.code]).toEqual(['fail', 'no-microphone']);
    expect(nf.out.data.captureOk).toBe(false);
    expect((await run({ gum: rej('NotReadableError') })).out.code).toBe('mic-busy');
    const sync = await run({
      gum: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'getUserMedia')");
      },
    });
    expect(sync.out.code).toBe('no-capture-api');
  });

  it('gives up on an unanswered prompt and stops the stream that arrives later', async () => {
    let resolveLate: (s: MediaStream) => void = () => {};
    const late = new FakeStream('Fake Default Audio Input');
    const { out } = await run({ permission: 'prompt', gum: () => new Promise((r) => (resolveLate = r)) });
    expect([out.verdict, out.code]).toEqual(['fail', 'permission-timeout']);
    expect(out.summary).toMatch(/click Allow/);
    resolveLate(late as unknown as MediaStream);
    await Promise.resolve();
    await Promise.resolve();
    expect(late.tracks[0]!.readyState).toBe('ended');
  });

  it('warns on silence and on clipping', async () => {
    const silent = await run({ frame: () => new Float32Array(2048) });
    expect([silent.out.verdict, silent.out.code, silent.out.data.level]).toEqual(['warn', 'mic-silent', 'silent']);
    expect(silent.out.data.levelDbfs).toBe(DBFS_FLOOR);
    expect(silent.out.summary).toMatch(/no sound at all \(digital silence\).*mute/);
    const loud = await run({ frame: () => Float32Array.from({ length: 2048 }, (_, i) => (i % 3 === 0 ? 1 : 0.5)) });
    expect([loud.out.code, loud.out.data.level]).toEqual(['mic-clipping', 'clipping']);
  });

  it('level unknown (no Web Audio, or a paused audio engine) is a note, not a failure', async () => {
    const a = await run({ noAudio: true });
    expect([a.out.verdict, a.out.data.level]).toEqual(['pass', 'unknown']);
    expect(a.out.data.findings).toContain('level-unknown');
    const b = await run({ acState: 'suspended' });
    expect(b.out.data.level).toBe('unknown');
    expect(b.out.summary).toMatch(/paused/);
    expect(b.acs[0]!.closed).toBe(true);
  });

  it('warns for Bluetooth, built-in and virtual microphones; notes an unrecognised one', async () => {
    expect((await run({ label: 'AirPods Pro' })).out.code).toBe('headset-bluetooth');
    expect((await run({ label: 'MacBook Pro Microphone' })).out.code).toBe('headset-builtin');
    const fake = await run({ label: 'Fake Default Audio Input' });
    expect([fake.out.verdict, fake.out.code]).toEqual(['warn', 'headset-virtual']);
    expect(fake.out.summary).toMatch(/"Fake Default Audio Input" looks like a virtual or test device/);
    const unk = await run({ label: 'Microphone (Realtek(R) Audio)' });
    expect(unk.out.verdict).toBe('pass');
    expect(unk.out.data.findings).toContain('headset-unknown');
    expect((await run({ label: 'Headset Microphone (Realtek(R) Audio)' })).out.verdict).toBe('pass');
  });

  it('outputs: none listed in Chrome warns; Firefox does not list outputs (unknown, not zero)', async () => {
    const inputOnly = [{ kind: 'audioinput', deviceId: 'a', label: 'USB Headset', groupId: 'g' }] as Partial<MediaDeviceInfo>[];
    const chrome = await run({ devices: inputOnly });
    expect([chrome.out.verdict, chrome.out.code]).toEqual(['warn', 'no-output-device']);
    const ff = await run({ devices: inputOnly, userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:157.0) Gecko/20100101 Firefox/157.0' });
    expect(ff.out.verdict).toBe('pass');
    expect(ff.out.data).toMatchObject({ outputs: 0, outputsKnown: false });
    expect(ff.out.data.findings).toContain('outputs-unknown');
  });

  it('on abort during the level measurement: rejects, stops the track, closes the audio context', async () => {
    const ac = new AbortController();
    const x = setup({ frame: (i) => (i === 3 && ac.abort(new Error('cancelled')), new Float32Array(2048).fill(0.1)) });
    await expect(createDevicesCheck().run(x.ctx, ac.signal)).rejects.toThrow('cancelled');
    expect(x.streams[0]!.tracks[0]!.readyState).toBe('ended');
    expect(x.acs[0]!.closed).toBe(true);
  });
});

describe('devices check: abort while the browser is still asking', () => {
  it('rejects at once, clears its prompt timer, and stops the stream that arrives afterwards', async () => {
    let resolveLate: (s: MediaStream) => void = () => {};
    const late = new FakeStream('USB Headset');
    const x = setup({ permission: 'prompt', gum: () => new Promise((r) => (resolveLate = r)) });
    const timers = new Set<unknown>();
    const deps = x.ctx.deps;
    const st = deps.setTimeout;
    const ct = deps.clearTimeout;
    deps.setTimeout = (fn, ms) => {
      const h = st(() => (timers.delete(h), fn()), ms);
      timers.add(h);
      return h;
    };
    deps.clearTimeout = (h) => (timers.delete(h), ct(h));
    const ac = new AbortController();
    const p = createDevicesCheck().run(x.ctx, ac.signal);
    await new Promise((r) => setImmediate(r));
    ac.abort(new Error('cancelled'));
    await expect(p).rejects.toThrow('cancelled');
    expect(timers.size).toBe(0);
    resolveLate(late as unknown as MediaStream);
    await Promise.resolve();
    await Promise.resolve();
    expect(late.tracks[0]!.readyState).toBe('ended');
  });
});

describe('devices check in Firefox: sample rate, a one-time Allow, a paused audio engine', () => {
  const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:157.0) Gecko/20100101 Firefox/157.0';
  type Mutable = { -readonly [K in keyof Deps]: Deps[K] };
  async function runWith(s: Setup, patch: (d: Mutable) => void) {
    const x = setup({ userAgent: FIREFOX, ...s });
    patch(x.ctx.deps as Mutable);
    const out = await createDevicesCheck().run(x.ctx, new AbortController().signal);
    return { ...x, out: out as typeof out & { data: DevicesData } };
  }
  const withAc = (extra: object) => (d: Mutable) => {
    const make = d.createAudioContext!;
    d.createAudioContext = () => Object.assign(make(), extra);
  };

  it('audio engine at 44.1 kHz in Firefox: the 48 kHz headset warning with what to check', async () => {
    const { out } = await runWith({}, withAc({ sampleRate: 44100 }));
    expect(out.data.findings).toContain('firefox-sample-rate');
    expect([out.verdict, out.code]).toEqual(['warn', 'firefox-sample-rate']);
    expect(out.summary).toMatch(/Firefox's audio runs at 44\.1 kHz.*hum.*48000 Hz/);
    expect(out.data.level).toBe('ok'); // the level was still measured
  });

  it('Firefox refusing the microphone for a different rate: the same warning, no false "silent"', async () => {
    const refuse = () => {
      throw Object.assign(new Error('Connecting AudioNodes from AudioContexts with different sample-rate is currently not supported.'), { name: 'NotSupportedError' });
    };
    const { out, streams } = await runWith({}, withAc({ sampleRate: 48000, createMediaStreamSource: refuse }));
    expect([out.verdict, out.code]).toEqual(['warn', 'firefox-sample-rate']);
    expect(out.summary).toMatch(/could not connect the microphone to its audio engine because their sample rates differ/);
    expect(out.data.level).toBe('unknown');
    expect(out.data.findings).not.toContain('level-unknown');
    expect(streams[0]!.getTracks().every((t) => (t as unknown as { readyState: string }).readyState === 'ended')).toBe(true);
  });

  it('at 48 kHz with no track rate reported (Firefox): passes with a note saying what to check if callers hear a hum', async () => {
    const { out } = await runWith({}, withAc({ sampleRate: 48000 }));
    expect(out.verdict).toBe('pass');
    expect(out.data.findings).toContain('sample-rate-unverified');
    expect(out.summary).toMatch(/if callers hear a hum/);
  });

  it('Chromium gets no sample-rate finding (Amazon saw the hum in Firefox, not Chrome)', async () => {
    const { out } = await run({});
    expect(out.data.findings?.some((f) => /sample-rate/.test(f))).toBe(false);
  });

  it("a one-time Allow: Firefox's permission stays 'prompt' but the microphone opened, so it is granted", async () => {
    const { out } = await runWith({ permission: 'prompt' }, (d) => {
      d.queryPermission = async () => 'prompt';
    });
    expect(out.data.captureOk).toBe(true);
    expect(out.data.permission).toBe('granted');
  });

  it('audio engine kept paused (no click on the page yet): says so and what to do, never a failure', async () => {
    const { out, acs } = await runWith({ acState: 'suspended' }, () => {});
    expect(out.data.level).toBe('unknown');
    expect(out.data.findings).toContain('audio-suspended');
    expect(out.verdict).not.toBe('fail');
    expect(out.summary).toMatch(/kept its audio engine paused.*Click anywhere on this page and run the test again/);
    expect(acs[0]!.closed).toBe(true);
  });
});

describe('headset kind from Firefox labels (no USB vendor:product ids)', () => {
  it.each([
    ['Headset Microphone (Jabra EVOLVE 20 MS)', 'usb'],
    ['Microphone (Plantronics Blackwire 3220 Series)', 'usb'],
    ['Headset Microphone (Sennheiser SC 160 USB)', 'usb'],
    ['Jabra Evolve2 65 BT', 'bluetooth'], // Bluetooth wins over the maker
    ['Headset Microphone (Realtek(R) Audio)', 'analog'],
    ['Default Audio Device', 'unknown'], // Firefox's fake microphone and a bare default
  ] as [string, HeadsetKind][])('%s -> %s', (label, kind) => {
    expect(classifyHeadset(label)).toBe(kind);
  });
});
