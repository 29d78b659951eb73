#!/usr/bin/env node
// npm run bench:peers — ccp-preflight's `media` check beside peer tools, on the same impaired paths, in the
// same Chromium, against the same coturn, in the same run.
//
//   node bench/peers.mjs [--profiles=clean,d40,...] [--tools=ours,jitsi,genesys,twilio] [--twilio-ms=10000]
//
// Per profile and tool: a fresh UDP impairment proxy in front of coturn (same seed for every tool, so each
// tool meets the same drawn delays and losses), the tool run as published in the page, its own figures
// next to the imposed truth, and its wall time from start to result.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { benchArgs, ROOT, BenchError, printTable, runMain, machineInfo, printMachine } from './lib/util.mjs';
import { bundlePage, servePage, launchChromium, startTurnServer, openPage, CHROMIUM_PATH } from './lib/browser.mjs';
import { PROFILES, parseProfile } from './lib/profiles.mjs';
import { startUdpProxyProcess, expectedLoop, proxiedIceServers } from '../test/support/udp-proxy.mjs';
import { onCleanup } from './lib/util.mjs';

const require = createRequire(join(ROOT, 'package.json'));
const args = benchArgs();
if (args.help) {
  console.log('Usage: node bench/peers.mjs [--profiles=clean,d40,d80j15l2,d150l5,burst] [--profile=delayMs=60,jitterMs=10,lossPct=3 ...] [--no-priority]');
  console.log('                            [--tools=ours,jitsi,genesys,twilio] [--twilio-ms=10000] [--duration=S] [--json]');
  process.exit(0);
}

const version = (name) => { try { return require(join(ROOT, 'node_modules', ...name.split('/'), 'package.json')).version; } catch { return null; } };
const TOOLS = [
  { id: 'ours', name: 'ccp-preflight media', pkg: null, measures: 'audio call via TURN: RTT, RFC 3550 jitter, loss, MOS' },
  { id: 'jitsi', name: '@jitsi/precall-test', pkg: '@jitsi/precall-test', measures: 'data channel: RTT median of 10 pings, RTT std as "jitter", byte loss, throughput' },
  { id: 'genesys', name: 'webrtc-troubleshoot AudioBandwidthTest', pkg: 'webrtc-troubleshoot', measures: 'audio call via TURN, fixed 40 s: RTT average, packet loss, bitrate' },
  { id: 'twilio', name: '@twilio/rtc-diagnostics MediaConnectionBitrateTest', pkg: '@twilio/rtc-diagnostics', measures: 'data channel bitrate only (no RTT, jitter or loss)' },
];

const seedOf = (s) => createHash('sha256').update(s).digest().readUInt32LE(0);
const fmt = (x, d = 1) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : (Math.round(x * 10 ** d) / 10 ** d).toFixed(d));
const vs = (got, truth, d = 1) => {
  if (got === null || got === undefined || !Number.isFinite(got)) return '—';
  if (truth === null || truth === undefined) return fmt(got, d);
  const e = got - truth;
  return `${fmt(got, d)} (${e >= 0 ? '+' : ''}${fmt(e, d)})`;
};

/** For our media check: does each 95 % interval cover the imposed truth? */
function ciNote(r, truth) {
  const raw = r.raw ?? {};
  const parts = [];
  for (const [k, name] of [['rttCi95', 'RTT'], ['jitterCi95', 'jitter'], ['lossCi95', 'loss']]) {
    const ci = raw[k];
    const t = { rttCi95: truth.rttMs, jitterCi95: truth.jitterMs, lossCi95: truth.lossPct }[k];
    if (!ci || typeof ci.lo !== 'number' || typeof ci.hi !== 'number') continue;
    parts.push(`${name} [${fmt(ci.lo)}, ${fmt(ci.hi)}] ${ci.lo <= t && t <= ci.hi ? 'covers' : 'MISSES'}`);
  }
  return parts.length ? `95 % CI: ${parts.join(', ')}` : '';
}

async function main() {
  const profileIds = args.profiles ? args.profiles.split(',') : PROFILES.map((p) => p.id);
  const profiles = profileIds.map((id) => PROFILES.find((p) => p.id === id) ?? (() => { throw new BenchError(`Unknown profile "${id}". Known: ${PROFILES.map((p) => p.id).join(', ')}.`); })());
  // Extra profiles on the command line, in bench:accuracy's syntax: --profile=delayMs=60,jitterMs=10,lossPct=3
  const custom = process.argv.slice(2).filter((a) => a.startsWith('--profile=')).map((a) => a.slice('--profile='.length));
  if (custom.length) {
    if (!args.profiles) profiles.length = 0;
    custom.forEach((text, i) => { try { profiles.push(parseProfile(text, i)); } catch (e) { throw new BenchError(e.message, { cause: e }); } });
  }
  const toolIds = args.tools ? args.tools.split(',') : TOOLS.map((t) => t.id);
  const tools = toolIds.map((id) => TOOLS.find((t) => t.id === id) ?? (() => { throw new BenchError(`Unknown tool "${id}". Known: ${TOOLS.map((t) => t.id).join(', ')}.`); })());
  for (const t of tools) {
    if (t.pkg && !existsSync(join(ROOT, 'node_modules', ...t.pkg.split('/'), 'package.json'))) {
      throw new BenchError(`${t.pkg} is not installed: run \`npm ci\` (it is a devDependency), then run again.`);
    }
  }
  const twilioMs = Number(args['twilio-ms'] ?? 10000);
  const durationS = args.duration ? Number(args.duration) : undefined;

  const info = machineInfo(CHROMIUM_PATH);
  printMachine(info);
  const turn = await startTurnServer();
  const script = await bundlePage(`import './bench/lib/peers-page.js';`);
  const server = await servePage(script, { title: 'bench:peers' });
  // As bench:accuracy: as root, the browser and the proxy run at nice -10 (--no-priority: off), so load on a
  // shared machine does not distort the imposed conditions.
  const priority = args['no-priority'] ? 0 : -10;
  const { browser, prioritized } = await launchChromium([], { priority });
  const { page } = await openPage(browser, server.origin);
  console.log(`coturn on 127.0.0.1:${turn.port}; page ${server.origin}; ${profiles.length} profile(s) × ${tools.length} tool(s); browser and proxy ${prioritized ? 'at nice -10' : 'at normal priority'}.`);
  console.log(`Profiles from bench/lib/profiles.mjs (shared with bench:accuracy). Impairment: test/support/udp-proxy.mjs, a seeded UDP proxy between the browser and`);
  console.log('coturn, impairing both legs. Truth = expectedLoop(profile): the workstation <-> relay round trip (one loop');
  console.log('A -> relay -> B), the RFC 3550 jitter of that loop and its loss; the same seed for every tool.');

  const results = [];
  const t00 = Date.now();
  for (const profile of profiles) {
    for (const tool of tools) {
      // The proxy in its own process (raised priority when allowed), as bench:accuracy runs it.
      const proxy = await startUdpProxyProcess({ target: { host: turn.host, port: turn.port }, profile: { ...profile, seed: profile.seed ?? seedOf(String(profile.id)) } });
      const stopProxy = onCleanup(() => proxy.stop());
      // The same ICE servers as bench:accuracy: STUN and TURN/UDP, both through the proxy.
      const iceServers = proxiedIceServers(proxy, turn);
      process.stderr.write(`  ${profile.id} / ${tool.id} … `);
      let r;
      try {
        r = await page.evaluate(([id, ice, opts]) => globalThis.__bench[id](ice, opts), [tool.id, iceServers, { durationMs: twilioMs, durationS }]);
      } catch (e) {
        r = { ok: false, wallMs: null, error: `page error: ${String(e?.message ?? e).split('\n')[0]}` };
      }
      const ps = await proxy.stats();
      await stopProxy();
      process.stderr.write(`${r.ok ? 'ok' : 'FAILED'} in ${fmt((r.wallMs ?? 0) / 1000)} s${r.error ? ` (${r.error})` : ''}\n`);
      results.push({ profile, tool, r, proxy: ps });
    }
  }

  // ---- the table ----
  const rows = [];
  for (const profile of profiles) {
    const expect = expectedLoop(profile);
    rows.push([`${profile.label}`, 'imposed (expected)', fmt(expect.rttMs), fmt(expect.jitterMs), fmt(expect.lossPct), '—', '—', '—', '']);
    for (const { tool, r, proxy } of results.filter((x) => x.profile === profile)) {
      // As bench:accuracy: RTT truth = the delay the proxy actually added on this run (mean up + mean down);
      // jitter and loss truths from the profile (expectedLoop).
      const truth = { ...expect, rttMs: (proxy.up.meanDelayMs ?? 0) + (proxy.down.meanDelayMs ?? 0) };
      const name = tool.pkg ? `${tool.name} ${version(tool.pkg) ?? ''}`.trim() : tool.name;
      const loopLoss = 100 * (1 - (1 - proxy.up.lossPct / 100) * (1 - proxy.down.lossPct / 100));
      const actualLoss = proxy.up.packetsIn + proxy.down.packetsIn
        ? `proxy did: loop delay ${fmt((proxy.up.meanDelayMs ?? 0) + (proxy.down.meanDelayMs ?? 0))} ms, loop loss ${fmt(loopLoss)} %, added-delay jitter up/down ${fmt(proxy.up.jitterMs)}/${fmt(proxy.down.jitterMs)} ms, ${proxy.up.packetsIn + proxy.down.packetsIn} pkts`
        : '';
      if (!r.ok && r.rttMs == null && r.kbps == null) {
        rows.push(['', name, '—', '—', '—', '—', '—', r.wallMs != null ? fmt(r.wallMs / 1000) : '—', `no result: ${r.error ?? 'unknown error'}`]);
        continue;
      }
      rows.push([
        '',
        name,
        vs(r.rttMs, truth.rttMs),
        r.jitterMs != null ? vs(r.jitterMs, truth.jitterMs) : 'not measured',
        r.lossPct != null ? vs(r.lossPct, truth.lossPct) : 'not measured',
        r.mos != null ? fmt(r.mos, 2) : '—',
        r.kbps != null ? fmt(r.kbps, 0) : '—',
        fmt(r.wallMs / 1000),
        [r.verdict ? `verdict ${r.verdict}` : '', r.rttMs == null && r.summary ? `"${r.summary}"` : '', ciNote(r, truth), r.raw?.stoppedEarly ? 'stopped early' : '', actualLoss, r.error ? `error: ${r.error}` : ''].filter(Boolean).join('; '),
      ]);
    }
  }
  printTable(['profile', 'tool', 'RTT ms (err)', 'jitter ms (err)', 'loss % (err)', 'MOS', 'kbps', 'wall s', 'note'], rows, { title: 'Peers side by side: each tool\'s own figures; (error) vs the truth of that run: RTT = delay the proxy actually added, jitter and loss = the profile\'s' });

  console.log('\nWhat each tool measures:');
  for (const t of tools) console.log(`  ${t.pkg ? `${t.name} ${version(t.pkg) ?? ''}`.trim() : t.name}: ${t.measures}.`);
  console.log('  All four accept a custom TURN server (iceServers) and run headless in Chromium.');
  console.log(`\nTotal wall time ${fmt((Date.now() - t00) / 1000)} s; ${info.chromium ?? 'Chromium'}.`);
  if (args.json) console.log(JSON.stringify(results.map(({ profile, tool, r, proxy }) => ({ profile: profile.id, tool: tool.id, ...r, raw: undefined, proxy })), null, 0));
}

runMain(main);
