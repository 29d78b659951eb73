/** The fleet view's client of the collector's read API (read token). DOM-free; `fetch` injectable for tests. */
import type { Report } from '../../report/schema.js';

export interface FleetAgent {
  agent: string;
  name: string | null;
  site: string | null;
  region: string | null;
  latest: {
    id: string; createdAt: string; verdict: string; fit: string; cause: string | null; causeText: string | null;
    rttMs: number | null; jitterMs: number | null; lossPct: number | null; mos: number | null;
  };
}

export interface FleetAggregates {
  agents: number;
  byVerdict: Record<string, number>;
  unfit: number;
  bySite: { site: string | null; agents: number; unfit: number; fail: number; warn: number }[];
  byRegion: { region: string | null; agents: number; unfit: number; fail: number }[];
  byCause: { cause: string; causeText: string | null; site: string | null; agents: number; unfit: number; since: string }[];
  /**
   * Every cause in the fleet (most agents first, one writer's text each), for the search in the reader's language
   * (fleet-search.ts). Absent from collectors older than the search: then byCause and the page's agents serve.
   */
  causes?: { cause: string; causeText: string | null }[];
}

export interface HistoryPoint {
  id: string; createdAt: string; verdict: string; fit: string; cause: string | null;
  rttMs: number | null; jitterMs: number | null; lossPct: number | null; mos: number | null;
}

export interface AgentFilter {
  /** `causes`: cause codes, comma-separated, whose names in the reader's language match `q` (ORed into the search). */
  q?: string; causes?: string; verdict?: string; fit?: string; site?: string; cause?: string; limit: number; offset: number;
}

/** Longest search text (the collector refuses longer; the search box stops there). */
export const MAX_SEARCH_CHARS = 200;
/** Most cause codes one search sends beside its text (`causes=`), and their longest comma-separated length. */
export const MAX_SEARCH_CAUSES = 40;
export const MAX_SEARCH_CAUSES_CHARS = 2000;
/**
 * One cause code as the collector files it: a check id and a finding code (or the verdict when the check wrote
 * no code), e.g. `ice-udp/turn-unreachable`, `media/fail`. The collector's `causes` parameter takes this shape.
 */
export const CAUSE_CODE_SOURCE = '[A-Za-z0-9][A-Za-z0-9._-]{0,47}/[A-Za-z0-9][A-Za-z0-9._-]{0,47}';
export const CAUSE_CODE_RE = new RegExp(`^${CAUSE_CODE_SOURCE}$`);

/** FleetApiError status when the address answered, but not with the collector's JSON. */
export const NOT_A_COLLECTOR = -1;

export class FleetApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export class FleetApi {
  constructor(private readonly base: string, private readonly token: string, private readonly f: typeof fetch = globalThis.fetch.bind(globalThis)) {}

  private async get<T>(path: string, signal?: AbortSignal): Promise<T> {
    let res: Response;
    try {
      res = await this.f(`${this.base.replace(/\/+$/, '')}${path}`, { headers: { authorization: `Bearer ${this.token}` }, ...(signal ? { signal } : {}) });
    } catch (e) {
      if ((e as Error)?.name === 'AbortError') throw e;
      throw new FleetApiError(0, 'The collector cannot be reached. Check that it is running and that this page may reach it; the view retries on its own.');
    }
    if (!res.ok) {
      let msg = res.statusText;
      try {
        msg = ((await res.json()) as { error?: string }).error ?? msg;
      } catch { /* not JSON */ }
      throw new FleetApiError(res.status, msg);
    }
    try {
      return (await res.json()) as T;
    } catch (e) {
      if ((e as Error)?.name === 'AbortError') throw e;
      // Status NOT_A_COLLECTOR: something else answered (a web page, a proxy's error page).
      throw new FleetApiError(NOT_A_COLLECTOR, 'This address did not answer as a ccp-preflight collector (the answer is not JSON).');
    }
  }

  /**
   * One page of agents. A collector older than the `causes` parameter refuses it (400): the search then runs
   * again on the text alone, as that collector can (causes are matched in the writer's English there).
   */
  async agents(q: AgentFilter, signal?: AbortSignal): Promise<{ total: number; agents: FleetAgent[] }> {
    const path = (filter: AgentFilter) => {
      const p = new URLSearchParams();
      for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== '') p.set(k, String(v));
      return `/v1/agents?${p}`;
    };
    try {
      return await this.get(path(q), signal);
    } catch (e) {
      if (!(e instanceof FleetApiError && e.status === 400 && q.causes)) throw e;
      return this.get(path({ ...q, causes: '' }), signal);
    }
  }
  aggregates(signal?: AbortSignal): Promise<FleetAggregates> {
    return this.get('/v1/aggregates', signal);
  }
  history(agent: string, signal?: AbortSignal): Promise<{ reports: HistoryPoint[] }> {
    return this.get(`/v1/agents/${encodeURIComponent(agent)}/history?limit=30`, signal);
  }
  report(id: string, signal?: AbortSignal): Promise<Report> {
    return this.get(`/v1/reports/${encodeURIComponent(id)}`, signal);
  }
  async previous(id: string, signal?: AbortSignal): Promise<Report | undefined> {
    try {
      return await this.get<Report>(`/v1/reports/${encodeURIComponent(id)}/previous`, signal);
    } catch (e) {
      if (e instanceof FleetApiError && e.status === 404) return undefined;
      throw e;
    }
  }

  /** Calls `onReport` for each new report on the live stream until `signal` aborts. Resolves when the stream ends. */
  async stream(onReport: (r: { id: string; agent: string }) => void, signal: AbortSignal): Promise<void> {
    const res = await this.f(`${this.base.replace(/\/+$/, '')}/v1/stream`, { headers: { authorization: `Bearer ${this.token}` }, signal });
    if (!res.ok || !res.body) throw new FleetApiError(res.status, 'The live stream is not available.');
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buf = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buf += value;
      let i: number;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const data = block.split('\n').find((l) => l.startsWith('data: '));
        if (data) {
          try {
            onReport(JSON.parse(data.slice(6)));
          } catch { /* a partial or foreign line */ }
        }
      }
    }
  }
}

/** An SVG polyline `points` attribute for a trend (oldest left), or '' with fewer than 2 values. */
export function sparkPoints(values: readonly (number | null)[], width: number, height: number): string {
  const v = values.map((x, i) => [i, x] as const).filter((p): p is readonly [number, number] => p[1] !== null && Number.isFinite(p[1]));
  if (v.length < 2) return '';
  const ys = v.map((p) => p[1]);
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  const span = hi - lo || 1;
  const n = values.length - 1 || 1;
  return v.map(([i, y]) => `${((i / n) * width).toFixed(1)},${(height - 2 - ((y - lo) / span) * (height - 4)).toFixed(1)}`).join(' ');
}
