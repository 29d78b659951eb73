#!/usr/bin/env node
// npm run bench:fail-fast — time to verdict when things are wrong: full runs (every check, as the CLI makes them,
// each in a fresh page of Debian Chromium) against
//   ccp-noack    the local fake CCP that never acknowledges (a CCP that is down or blocked)
//   ccp-login    the fake CCP that needs a login (it answers only after a login that never comes)
//   turn-silent  a TURN server that never answers: a UDP port bound by this script that drops every packet
//   blocked      a blocked network: the endpoints and every TURN URL (UDP, TCP, TLS) lead to ports that accept
//                or receive and never answer (what a firewall that drops looks like)
// and prints, per scenario: when the CCP was told (its state left "loading"), when the TURN check reported,
// when the verdict was certain (the first failing check: the verdict is the worst check, it cannot improve)
// and when the whole report was done. Goals (issue 10): CCP told <= 5 s, TURN <= 10 s, verdict <= 10 s.
// A benchmark, not a timed test: it reports, it does not fail on a slow machine.
//
//   node bench/fail-fast.mjs [--runs=2] [--only=ccp-noack,blocked] [--verbose]
import dgram from 'node:dgram';
import net from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { benchArgs, printTable, runMain, machineInfo, printMachine, median, onCleanup } from './lib/util.mjs';
import { bundlePage, servePage, launchBenchBrowser, startTurnServer, openPage, repoPath, CHROMIUM_PATH } from './lib/browser.mjs';

/** Goals of issue 10, "Fast when things are wrong". */
const GOAL_CCP_MS = 5000;
const GOAL_TURN_MS = 10_000;
const GOAL_VERDICT_MS = 10_000;

const args = benchArgs();
if (args.help) {
  console.log('Usage: node bench/fail-fast.mjs [--runs=2] [--only=ccp-noack,ccp-login,turn-silent,blocked]');
  process.exit(0);
}
const runs = Math.max(1, Number(args.runs ?? 2));
const only = args.only ? String(args.only).split(',') : null;
const s = (ms) => (ms == null ? '—' : (ms / 1000).toFixed(2));

/** A UDP port that receives and never answers (no ICMP "port unreachable" either: the socket is bound). */
async function udpHole() {
  const sock = dgram.createSocket('udp4');
  sock.on('message', () => {});
  await new Promise((r) => sock.bind(0, '127.0.0.1', () => r(undefined)));
  onCleanup(() => new Promise((r) => sock.close(() => r(undefined))));
  return sock.address().port;
}

/** A TCP port that accepts and never says a word (a connection that a dropping firewall would never open). */
async function tcpHole() {
  const sockets = new Set();
  const server = net.createServer((c) => { sockets.add(c); c.on('error', () => {}); c.on('close', () => sockets.delete(c)); });
  await new Promise((r) => server.listen(0, '127.0.0.1', () => r(undefined)));
  onCleanup(() => new Promise((r) => { for (const c of sockets) c.destroy(); server.close(() => r(undefined)); }));
  return /** @type {import('node:net').AddressInfo} */ (server.address()).port;
}

async function main() {
  printMachine(machineInfo(CHROMIUM_PATH));
  const turn = await startTurnServer();
  const [udp, tcp] = [await udpHole(), await tcpHole()];
  const fake = ['demo/fake-ccp.html', 'demo/fake-ccp.js'].map((f) => [f, repoPath(f)]);
  const extra = {
    '/__turn.json': { type: 'application/json', body: JSON.stringify({ iceServers: turn.iceServers, host: turn.host, port: turn.port }) },
    ...Object.fromEntries(fake.filter(([, p]) => existsSync(p)).map(([f, p]) => [`/${f}`, { type: f.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8', body: () => readFileSync(p) }])),
  };
  const script = await bundlePage(`import './bench/lib/fail-fast-page.js';`);
  const server = await servePage(script, { title: 'bench:fail-fast', extra });
  const { browser, version } = await launchBenchBrowser('chromium');
  if (version) console.log(`Browser: ${version}`);
  const ok = [{ url: `${server.origin}/ok`, role: 'custom' }];
  const silent = (urls) => [{ urls, username: 'bench', credential: 'bench' }];
  const scenarios = [
    { id: 'ccp-noack', label: 'fake CCP that never acknowledges', ccp: 'noack=1', options: { iceServers: turn.iceServers, endpoints: ok } },
    { id: 'ccp-login', label: 'fake CCP that needs a login', ccp: 'login=1', options: { iceServers: turn.iceServers, endpoints: ok } },
    { id: 'turn-silent', label: `TURN that never answers (udp ${udp})`, options: { iceServers: silent([`turn:127.0.0.1:${udp}?transport=udp`]), endpoints: ok } },
    {
      id: 'blocked',
      label: 'blocked network (endpoints and TURN UDP/TCP/TLS silent)',
      options: { iceServers: silent([`turn:127.0.0.1:${udp}?transport=udp`, `turn:127.0.0.1:${tcp}?transport=tcp`, `turns:localhost:${tcp}?transport=tcp`]), endpoints: [{ url: `http://127.0.0.1:${tcp}/`, role: 'instance' }] },
    },
  ].filter((x) => !only || only.includes(x.id));

  const rows = [];
  for (const sc of scenarios) {
    const rs = [];
    for (let i = 0; i < runs; i++) {
      const { page, context } = await openPage(browser, server.origin);
      try {
        const r = await page.evaluate((o) => window.__bench.failRun(o), {
          options: { ...sc.options, regions: false },
          ccpUrl: sc.ccp ? `${server.origin}/demo/fake-ccp.html?${sc.ccp}&sid=${Math.random()}` : undefined,
        });
        rs.push(r);
        const ice = r.checks.find((c) => c.id === 'ice-udp');
        if (args.verbose) for (const c of r.checks) process.stderr.write(`    ${c.id.padEnd(12)} ${c.verdict.padEnd(4)} at ${s(c.atMs)} s (${s(c.durationMs)} s) ${c.code ?? ''}: ${c.summary.slice(0, 120)}\n`);
        process.stderr.write(`  ${sc.id} run ${i + 1}: verdict ${r.verdict} certain at ${s(r.firstFail?.ms)} s (${r.firstFail?.id ?? 'no fail'}), report at ${s(r.wallMs)} s; ccp ${r.ccpTold ? `${r.ccpTold.state} at ${s(r.ccpTold.ms)} s` : '—'}; ice-udp ${ice?.verdict}/${ice?.code ?? ''} at ${s(ice?.atMs)} s\n`);
      } finally {
        await context.close();
      }
    }
    const m = (f) => median(rs.map(f).filter((x) => x != null));
    const ccpMs = sc.ccp ? m((r) => r.checks.find((c) => c.id === 'ccp')?.atMs) : null;
    const turnMs = sc.ccp ? null : m((r) => r.checks.find((c) => c.id === 'ice-udp')?.atMs);
    const verdictMs = m((r) => r.firstFail?.ms);
    const goals = [
      sc.ccp ? `CCP told <= ${GOAL_CCP_MS / 1000} s: ${ccpMs != null && ccpMs <= GOAL_CCP_MS ? 'met' : 'MISSED'}` : `TURN <= ${GOAL_TURN_MS / 1000} s: ${turnMs != null && turnMs <= GOAL_TURN_MS ? 'met' : 'MISSED'}`,
      `verdict <= ${GOAL_VERDICT_MS / 1000} s: ${verdictMs != null && verdictMs <= GOAL_VERDICT_MS ? 'met' : 'MISSED'}`,
    ].join('; ');
    const first = rs.find((r) => r.firstFail)?.firstFail;
    rows.push([sc.label, [...new Set(rs.map((r) => r.verdict))].join('/'), s(m((r) => r.ccpTold?.ms)), s(ccpMs ?? turnMs), s(verdictMs), s(m((r) => r.wallMs)), `${first ? `first fail: ${first.id}` : 'no fail'}; ${goals}`]);
  }
  printTable(['scenario', 'verdict', 'CCP state s', 'ccp / TURN check s', 'verdict certain s', 'report done s', 'note'], rows, { title: `Time to verdict when things are wrong (median of ${runs}, from the start of the run; the fake CCP starts with it)` });
}

runMain(main);
