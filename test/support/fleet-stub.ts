/**
 * A stubbed collector read API for the fleet view's browser tests: answers /v1/aggregates, /v1/agents,
 * history, reports and the live stream from fixed data, and records the URLs asked for.
 */
import type { FleetAgent, FleetAggregates, HistoryPoint } from '../../src/elements/ccp-preflight-fleet/fleet-api.js';

export interface FleetData {
  aggregates: FleetAggregates;
  agents: FleetAgent[];
  /** An agent's history, newest first (default: its latest report only). */
  history?: (agent: string) => HistoryPoint[];
  /** Stored reports by id (others: 404). */
  reports?: Record<string, unknown>;
  /** Previous reports by the later report's id (others: 404). */
  previous?: Record<string, unknown>;
}

export function stubFetch(calls: string[], data: FleetData): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    const url = String(input);
    calls.push(url);
    const json = (v: unknown) => new Response(JSON.stringify(v), { status: 200, headers: { 'content-type': 'application/json' } });
    const notFound = () => new Response(JSON.stringify({ error: 'No report with this id is stored.' }), { status: 404 });
    if (url.includes('/v1/aggregates')) return json(data.aggregates);
    if (url.includes('/v1/agents?')) return json({ total: data.agents.length, agents: data.agents });
    const h = /\/v1\/agents\/([^/]+)\/history/.exec(url);
    if (h) {
      const agent = decodeURIComponent(h[1]!);
      const a = data.agents.find((x) => x.agent === agent);
      return json({ reports: data.history?.(agent) ?? (a ? [a.latest] : []) });
    }
    if (url.includes('/v1/stream')) return new Response(new ReadableStream({ start() {} }), { status: 200 });
    const p = /\/v1\/reports\/([^/]+)\/previous$/.exec(url);
    if (p) {
      const r = data.previous?.[decodeURIComponent(p[1]!)];
      return r ? json(r) : notFound();
    }
    const r = /\/v1\/reports\/([^/?]+)$/.exec(url);
    if (r) {
      const rep = data.reports?.[decodeURIComponent(r[1]!)];
      return rep ? json(rep) : notFound();
    }
    return notFound();
  }) as typeof fetch;
}
