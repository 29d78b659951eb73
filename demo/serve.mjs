#!/usr/bin/env node
// `npm run demo`: starts a local TURN server (Debian coturn) and the Vite dev server with the demo pages.
//   http://localhost:5173/                  a custom agent desktop embedding <ccp-preflight>
//   http://localhost:5173/demo/report.html  the supervisor's report viewer
//   http://localhost:5173/demo/fake-ccp.html the local fake CCP the demo wraps (no Amazon Connect needed)
import { createServer } from 'vite';
import { startTurn, findTurnserver } from '../cli/turn.mjs';
import { startDemoCollector, simulateAgents } from './fleet-collector.mjs';

const port = Number(process.env.PORT ?? 5173);
let turn = null;
let server = null;
let fleet = null;

// Everything this script started stops on Ctrl+C (SIGINT, which npm's process group also gets), SIGTERM (npm
// forwards it only to its shell, so the parent check below covers `npm run demo` too) and a closed terminal
// (SIGHUP). The handlers are in place before anything starts, so a signal during start-up cleans up as well.
let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  // coturn first (the dev server's close can wait on open connections); never wait more than 3 s in all.
  setTimeout(() => process.exit(0), 3000).unref();
  await turn?.stop().catch(() => {});
  await fleet?.close().catch(() => {});
  await server?.close().catch(() => {});
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, stop);
// When the parent (npm's shell) goes away without passing the signal on, this process is re-parented: stop too.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void stop();
}, 1000).unref();

if (findTurnserver()) {
  try {
    turn = await startTurn();
    if (stopping) await turn.stop(); // a signal came while coturn started
    console.log(`Local TURN server (coturn) on 127.0.0.1:${turn.port} (user "${turn.username}").`);
  } catch (e) {
    console.error(`Could not start the local TURN server: ${e.message}\nThe demo runs without it: the network checks will say "skip".`);
  }
} else {
  console.error('coturn is not installed, so the demo has no local TURN server and the network checks will say "skip".\n' +
    'Install it with: sudo apt-get install coturn   (Debian/Ubuntu), then run "npm run demo" again.');
}

// The fleet collector on the embedded store; the dev server proxies /v1 to it (same origin for the demo pages).
try {
  fleet = await startDemoCollector({ port: Number(process.env.FLEET_PORT ?? 8787) });
  if (stopping) await fleet.close(); // a signal came while it started
} catch (e) {
  console.error(`Could not start the fleet collector: ${e.message}\nThe demo runs without it (the fleet page stays empty).`);
}
const fleetPlugin = {
  name: 'ccp-preflight-demo-fleet',
  configureServer(server) {
    server.middlewares.use('/__fleet/simulate', (req, res) => {
      const n = Math.min(2000, Math.max(1, Number(new URL(req.url ?? '/', 'http://x').searchParams.get('n')) || 50));
      res.setHeader('content-type', 'application/json');
      if (!fleet || req.method !== 'POST') {
        res.statusCode = fleet ? 405 : 503;
        res.end(JSON.stringify({ error: fleet ? 'Use POST.' : 'The fleet collector is not running (see the demo\'s console).' }));
        return;
      }
      simulateAgents(fleet.url, n).then((stored) => res.end(JSON.stringify({ stored })), (e) => {
        res.statusCode = 500;
        res.end(JSON.stringify({ error: `Could not add simulated agents: ${e.message}` }));
      });
    });
  },
};

/** Serves the local TURN server's settings to the demo pages and the fake CCP. */
const turnConfigPlugin = {
  name: 'ccp-preflight-demo-turn',
  configureServer(server) {
    // Stand-ins for the instance, signaling and Region endpoints (no internet here): answer after ?delay=ms.
    server.middlewares.use('/__probe', (req, res) => {
      const delay = Math.min(2000, Math.max(0, Number(new URL(req.url ?? '/', 'http://x').searchParams.get('delay')) || 0));
      const t = setTimeout(() => {
        res.statusCode = 204;
        res.setHeader('cache-control', 'no-store');
        res.setHeader('access-control-allow-origin', '*');
        res.end();
      }, delay);
      req.on('close', () => clearTimeout(t));
    });
    server.middlewares.use('/__turn.json', (_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.setHeader('cache-control', 'no-store');
      res.end(JSON.stringify(turn ? { iceServers: turn.iceServers, host: turn.host, port: turn.port } : { iceServers: [], error: 'coturn is not installed: sudo apt-get install coturn' }));
    });
  },
};

server = await createServer({
  configFile: false,
  root: process.cwd(),
  server: { host: 'localhost', port, strictPort: false, ...(fleet ? { proxy: { '/v1': { target: fleet.url } } } : {}) },
  plugins: [turnConfigPlugin, fleetPlugin],
  // Production builds of Lit in the demo too: no dev-mode console warnings for the agent.
  resolve: { conditions: ['module', 'browser', 'production'] },
  logLevel: 'info',
});
await server.listen();
const url = server.resolvedUrls?.local?.[0] ?? `http://localhost:${port}/`;
console.log(`\nccp-preflight demo\n  Agent desktop:      ${url}\n  Supervisor viewer:  ${url}demo/report.html\n  Fake CCP:           ${url}demo/fake-ccp.html\n  Fleet view:         ${url}demo/fleet.html${fleet ? `  (collector ${fleet.url}, read token demo-read-token-not-secret)` : ' (collector not running)'}\nPress Ctrl+C to stop.`);
