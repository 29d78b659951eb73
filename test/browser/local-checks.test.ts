import { expect } from '@open-wc/testing';
import { runPreflight } from '../../src/runner.js';
import { createDevicesCheck } from '../../src/checks/devices.js';
import { defaultDeps } from '../../src/internal/deps.js';
import { resolveOptions } from '../../src/runner.js';
import type { BrowserData, DevicesData, WorkstationData } from '../../src/report/schema.js';

// Real Debian Chromium and Firefox ESR (fake media devices from the runner flags and prefs), no mocks. Where the
// two browsers differ (user agent, version channel, fake microphone, memory), each branch says what it expects.
import { esrStanding, SHIPPED_BROWSER_VERSIONS } from '../../src/checks/browser-versions.js';
import { loadWebrtcAdapter } from '../../src/internal/adapter.js';

/** Firefox's major version from its user agent, null in Chromium. */
const FIREFOX_MAJOR = ((m) => (m ? Number(m[1]) : null))(/\bFirefox\/(\d+)/.exec(navigator.userAgent));

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

describe('browser check in the real browser', () => {
  it('reads this Firefox honestly: family, major, Gecko, APIs, no userAgentData', async function () {
    // Firefox only: Chromium has its own test below.
    if (FIREFOX_MAJOR === null) return this.skip();
    const report = await runPreflight({ checks: ['browser'], browserVersions: { firefox: FIREFOX_MAJOR, date: today() } });
    const r = report.checks[0]!;
    const data = r.data as BrowserData;
    expect([data.family, data.major, data.engine, data.name]).to.deep.equal(['firefox', FIREFOX_MAJOR, 'gecko', 'Mozilla Firefox']);
    expect((navigator as Navigator & { userAgentData?: unknown }).userAgentData).to.equal(undefined);
    for (const api of ['RTCPeerConnection', 'getUserMedia', 'getStats', 'RTCDataChannel', 'AudioContext', 'CompressionStream']) {
      expect(data.apis[api], api).to.equal(true);
    }
    expect(r.verdict, r.summary).to.equal('pass');
    expect(r.summary).to.match(/is up to date/);
  });

  it('reads this Chromium honestly: family, engine major, APIs, secure context', async function () {
    // Chromium only: Firefox has no userAgentData and no Chrome/ token (its own test above).
    if (FIREFOX_MAJOR !== null) return this.skip();
    const nav = navigator as Navigator & { userAgentData?: { brands: { brand: string; version: string }[] } };
    const brands = nav.userAgentData?.brands ?? [];
    const engine = Number(/(?:Chrome|HeadlessChrome)\/(\d+)/.exec(navigator.userAgent)?.[1]);
    // With a version list saying "this engine is the latest", only the family decides the verdict.
    const report = await runPreflight({ checks: ['browser'], browserVersions: { chrome: engine, date: today() } });
    const r = report.checks[0]!;
    const data = r.data as BrowserData;
    expect(data.major).to.equal(engine);
    expect(data.secureContext).to.equal(true);
    for (const api of ['RTCPeerConnection', 'getUserMedia', 'getStats', 'RTCDataChannel', 'AudioContext', 'CompressionStream']) {
      expect(data.apis[api], api).to.equal(true);
    }
    if (brands.some((b) => b.brand === 'Google Chrome')) {
      expect(r.verdict, r.summary).to.equal('pass');
    } else {
      // Debian Chromium: Chromium-based, not on Amazon's list.
      expect(data.family).to.equal('chromium');
      expect([r.verdict, r.code]).to.deep.equal(['warn', 'chromium-based']);
      expect(r.summary).to.match(/built on Chromium.*not on Amazon's list/);
      expect((r.remedies ?? []).map((x) => x.id)).to.include('browser-latest-three');
    }
  });

  it('with the shipped table, judges this version against the table of its date', async () => {
    // The run's clock is the table's own date: "the latest" is then the table's figure (no extrapolation), and
    // the expectation below comes from the table and this browser's version, not from the check's output.
    const tableDate = new Date(`${SHIPPED_BROWSER_VERSIONS.date}T12:00:00Z`);
    const report = await runPreflight({ checks: ['browser'], deps: { date: () => tableDate } });
    const r = report.checks[0]!;
    const data = r.data as BrowserData;
    const major = FIREFOX_MAJOR ?? Number(/(?:Chrome|HeadlessChrome)\/(\d+)/.exec(navigator.userAgent)?.[1]);
    // A browser newer than the table raises "the latest" to itself.
    const latest = Math.max(major, FIREFOX_MAJOR === null ? SHIPPED_BROWSER_VERSIONS.chrome.major : SHIPPED_BROWSER_VERSIONS.firefox.major);
    expect([data.versionSource, data.versionTableDate, data.latestMajor]).to.deep.equal(['shipped', SHIPPED_BROWSER_VERSIONS.date, latest]);
    const latestThree = major >= latest - 2;
    if (FIREFOX_MAJOR === null) {
      // Debian Chromium: within the latest three, only "not on Amazon's list"; behind them, not a pass either way.
      if (latestThree) expect([r.verdict, r.code], r.summary).to.deep.equal(['warn', 'chromium-based']);
      else expect(r.verdict, r.summary).to.not.equal('pass');
    } else if (latestThree) {
      expect(r.verdict, r.summary).to.equal('pass');
    } else {
      // Debian's firefox-esr: an ESR major behind "the latest three", a warning while it gets updates.
      const esr = esrStanding(FIREFOX_MAJOR, tableDate);
      expect(esr.esr, `Firefox ${FIREFOX_MAJOR} is neither among the latest three nor an ESR`).to.equal(true);
      expect([r.verdict, r.code], r.summary).to.deep.equal(esr.supported ? ['warn', 'esr-outdated'] : ['fail', 'too-old']);
      expect(r.summary).to.match(/looks like Firefox ESR/);
    }
  });
});

describe('webrtc-adapter in the real browser', () => {
  it('loads lazily (its CommonJS dependency sdp included) and names this browser and version as the user agent does', async () => {
    const a = await loadWebrtcAdapter();
    expect(a, 'adapter did not load').to.not.equal(null);
    const chromeMajor = Number(/(?:Chrome|HeadlessChrome)\/(\d+)/.exec(navigator.userAgent)?.[1]);
    expect([a!.browser, a!.version]).to.deep.equal(FIREFOX_MAJOR !== null ? ['firefox', FIREFOX_MAJOR] : ['chrome', chromeMajor]);
    expect(await loadWebrtcAdapter()).to.equal(a); // once per page
  });
});

describe('workstation check in the real browser', () => {
  it('gives a finite GHz-equivalent, the cores and memory, and keeps the page responsive', async () => {
    // A 5 ms heartbeat: the longest gap between beats is the longest the page was blocked.
    let last = performance.now();
    let maxGapMs = 0;
    const hb = setInterval(() => {
      const t = performance.now();
      maxGapMs = Math.max(maxGapMs, t - last);
      last = t;
    }, 5);
    const t0 = performance.now();
    const report = await runPreflight({ checks: ['workstation'] });
    const elapsed = performance.now() - t0;
    clearInterval(hb);
    const r = report.checks[0]!;
    const d = r.data as WorkstationData;
    console.log(`workstation: ${r.verdict} | ${r.summary} | ${JSON.stringify({ ...d, elapsedMs: Math.round(elapsed), maxGapMs: Math.round(maxGapMs) })}`);
    expect(d.cpuGhzEstimate).to.be.a('number');
    expect(Number.isFinite(d.cpuGhzEstimate!)).to.equal(true);
    expect(d.cpuGhzEstimate!).to.be.within(0.2, 10);
    expect(d.logicalCores).to.equal(navigator.hardwareConcurrency);
    expect(d.deviceMemoryGb).to.equal((navigator as Navigator & { deviceMemory?: number }).deviceMemory ?? null);
    expect(d.benchmark!.runs).to.be.at.least(5);
    expect(['idle', 'busy', 'unknown']).to.include(d.loadHint);
    expect(d.cpuGhzUncertaintyPct).to.equal(30);
    expect(['pass', 'warn', 'fail']).to.include(r.verdict);
    if (r.verdict !== 'pass') expect(r.code).to.be.a('string');
    // Bounded (about 0.3-0.5 s idle; the budget stops adding runs) and time-sliced: the page is blocked for
    // one run at a time (tens of ms idle), never for the whole benchmark. On a loaded 2-core test machine a run
    // can take a few hundred ms, so the bound is relative: no gap longer than half the whole check.
    expect(elapsed).to.be.below(6000);
    expect(maxGapMs).to.be.below(Math.max(150, elapsed / 2));
  });
});

describe('devices check in the real browser with the fake microphone', () => {
  it("Firefox: captures its fake tone (a -20 dBFS sine: 'ok'), a one-time Allow counts as granted, the 48 kHz note", async function () {
    // Firefox only: its fake microphone is a steady tone named "Default Audio Device" (Chromium's beeps; below).
    if (FIREFOX_MAJOR === null) return this.skip();
    const captured: MediaStream[] = [];
    const report = await runPreflight({
      checks: ['devices'],
      deps: { getUserMedia: (c) => navigator.mediaDevices.getUserMedia(c).then((s) => (captured.push(s), s)) },
    });
    const r = report.checks[0]!;
    const d = r.data as DevicesData;
    expect(d.captureOk).to.equal(true);
    expect(d.permission).to.equal('granted'); // permissions.query still says 'prompt' after a one-time Allow
    expect(d.selectedInput).to.deep.equal({ label: 'Default Audio Device', kind: 'unknown' });
    expect(d.liveTracksAfter).to.equal(0);
    if (d.level === 'unknown' && d.findings?.includes('audio-suspended')) {
      // Firefox ESR 140 has no mock audio backend (media.cubeb.force_mock_context came later): with no sound
      // device its AudioContext never starts. The check must say so, not guess a level.
      expect(r.summary).to.match(/kept its audio engine paused/);
      expect(d.levelDbfs ?? null).to.equal(null);
      return this.skip();
    }
    expect(d.level).to.equal('ok');
    expect(d.peakDbfs!).to.be.within(-21, -19);
    expect(d.levelDbfs!).to.be.within(-24, -22); // a sine's RMS is 3 dB below its peak
    // The runner's prefs run the audio engine at 48 kHz and Firefox reports no track rate: the informational note.
    expect(d.findings).to.include('sample-rate-unverified');
    expect(r.verdict, r.summary).to.equal('pass');
    expect(d.liveTracksAfter).to.equal(0);
    for (const t of captured[0]!.getTracks()) expect(t.readyState).to.equal('ended');
  });

  it('captures, measures the beep (full-scale bursts: clipping), names the fake device, and stops every track', async function () {
    // Chromium only: the beep and "Fake ..." labels are Chromium's fake device (Firefox's tone: above).
    if (FIREFOX_MAJOR !== null) return this.skip();
    const captured: MediaStream[] = [];
    const report = await runPreflight({
      checks: ['devices'],
      deps: { getUserMedia: (c) => navigator.mediaDevices.getUserMedia(c).then((s) => (captured.push(s), s)) },
    });
    const r = report.checks[0]!;
    const d = r.data as DevicesData;
    console.log(`devices: ${r.verdict} ${r.code ?? ''} | ${r.summary} | ${JSON.stringify(d)}`);
    expect(d.captureOk).to.equal(true);
    expect(d.permission).to.equal('granted');
    expect(d.selectedInput!.kind).to.equal('virtual'); // Chromium's "Fake ..." devices
    // Chromium's fake microphone beeps: short bursts of a full-scale square wave (media/audio
    // fake_audio_input_stream.cc), i.e. samples pinned at full scale a few % of the time. That IS clipping by
    // this check's definition (>= 0.1 % of samples at full scale), so the honest reading is 'clipping', with
    // the RMS of the whole second well above silence.
    expect(d.level).to.equal('clipping');
    expect(d.peakDbfs!).to.be.within(-0.1, 0);
    expect(d.clippedPct!).to.be.within(0.5, 20);
    expect(d.levelDbfs!).to.be.within(-40, -5);
    expect([r.verdict, r.code]).to.deep.equal(['warn', 'mic-clipping']);
    expect(d.findings).to.deep.equal(['mic-clipping', 'headset-virtual']);
    expect(r.summary).to.match(/"Fake Default Audio Input" looks like a virtual or test device/);
    expect(d.liveTracksAfter).to.equal(0);
    expect(captured).to.have.length(1);
    for (const t of captured[0]!.getTracks()) expect(t.readyState).to.equal('ended');
    expect(d.inputs.length).to.be.at.least(1);
  });

  it('on abort mid-measurement: stops the tracks, leaves nothing running', async () => {
    const captured: MediaStream[] = [];
    const deps = defaultDeps({ getUserMedia: (c) => navigator.mediaDevices.getUserMedia(c).then((s) => (captured.push(s), s)) });
    const ctl = new AbortController();
    const ctx = { options: resolveOptions({}), deps, results: new Map(), iceServers: async () => ({ source: 'none' as const, servers: [] }), progress: (f: number) => f >= 0.2 && setTimeout(() => ctl.abort(new Error('cancelled')), 200) };
    let err: unknown;
    try {
      await createDevicesCheck().run(ctx, ctl.signal);
    } catch (e) {
      err = e;
    }
    expect((err as Error).message).to.equal('cancelled');
    expect(captured).to.have.length(1);
    for (const t of captured[0]!.getTracks()) expect(t.readyState).to.equal('ended');
  });
});
