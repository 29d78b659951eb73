// @web/test-runner plugin: starts one coturn for the whole browser test run and exposes its config to
// tests through the server command `turn-config` and the URL /__turn.json (used by the fake CCP page).
// Other helpers (UDP impairment proxy) register commands in `commands` below.
import { startTurn } from './turn.mjs';

/** @param {{ commands?: Record<string, (payload: any, turn: any) => any> }} [opts] */
export function turnPlugin(opts = {}) {
  let turn;
  const commands = {
    'turn-config': (_p, t) => ({ host: t.host, port: t.port, username: t.username, credential: t.credential, realm: t.realm, iceServers: t.iceServers }),
    ...(opts.commands ?? {}),
  };
  return {
    name: 'ccp-preflight-turn',
    async serverStart() {
      turn = await startTurn();
    },
    async serverStop() {
      await turn?.stop();
    },
    async executeCommand({ command, payload }) {
      const fn = commands[command];
      if (!fn) return undefined;
      return (await fn(payload, turn)) ?? null;
    },
    serve(context) {
      if (context.path === '/__turn.json' && turn) {
        return { body: JSON.stringify({ iceServers: turn.iceServers, host: turn.host, port: turn.port }), type: 'application/json' };
      }
      return undefined;
    },
  };
}
