/**
 * The collector's store: one interface, one implementation over the same SQL for PGlite and PostgreSQL.
 * Stateless above the database: any number of collectors may share one PostgreSQL.
 */
import type { Db, SqlClient } from './db.js';
import { MIGRATIONS, MIGRATION_LOCK_KEY } from './migrations.js';
import type { ReportKeys } from '../extract.js';
import type { FleetAggregates } from '../../src/elements/ccp-preflight-fleet/fleet-api.js';

export interface AgentRow {
  agent: string;
  name: string | null;
  site: string | null;
  region: string | null;
  latest: {
    id: string;
    createdAt: string;
    verdict: string;
    fit: string;
    cause: string | null;
    causeText: string | null;
    rttMs: number | null;
    jitterMs: number | null;
    lossPct: number | null;
    mos: number | null;
  };
}

export interface AgentQuery {
  /** Text searched in the agent's key and name, the site and the writer's cause text. */
  q?: string;
  /** Cause codes that also match (their names in the reader's language match `q`: the fleet view finds them). */
  causes?: readonly string[];
  verdict?: string;
  fit?: string;
  site?: string;
  region?: string;
  cause?: string;
  limit: number;
  offset: number;
}

/** The fleet aggregates the read API answers: the shape the fleet element reads (one definition). */
export type Aggregates = FleetAggregates;

export interface HistoryRow {
  id: string;
  createdAt: string;
  verdict: string;
  fit: string;
  cause: string | null;
  rttMs: number | null;
  jitterMs: number | null;
  lossPct: number | null;
  mos: number | null;
}

export interface FeedRow {
  seq: number;
  id: string;
  agent: string;
  site: string | null;
  verdict: string;
  fit: string;
  cause: string | null;
  createdAt: string;
}

export interface CallKeys {
  id: string;
  agentKey: string;
  site: string | null;
  region: string | null;
  startedAt: string | null;
  verdict: string;
  rttMs: number | null;
  jitterMs: number | null;
  lossPct: number | null;
  mos: number | null;
}

export interface Store {
  readonly kind: Db['kind'];
  /** Stores a report once (idempotent by id). Resolves `true` when new, `false` when it was already stored. */
  putReport(keys: ReportKeys, body: unknown): Promise<boolean>;
  putCall(keys: CallKeys, body: unknown): Promise<boolean>;
  getReport(id: string): Promise<unknown | null>;
  /** The same agent's report before this one, or null. */
  previousReport(id: string): Promise<unknown | null>;
  agents(q: AgentQuery): Promise<{ total: number; agents: AgentRow[] }>;
  aggregates(): Promise<Aggregates>;
  history(agent: string, limit: number): Promise<HistoryRow[]>;
  calls(agent: string, limit: number): Promise<unknown[]>;
  /** Reports received after `seq` (the live stream), oldest first. */
  feed(afterSeq: number, limit: number): Promise<FeedRow[]>;
  lastSeq(): Promise<number>;
  /** Deletes what is older than `days`; returns how many reports went. */
  prune(days: number): Promise<number>;
  /** Every stored report id (the benchmark's read-back). */
  countReports(): Promise<number>;
  close(): Promise<void>;
}

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
const n = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** Severity order for "unfit first": fit=no, then fail, warn, pass, skip. */
const ORDER_AGENTS = `(fit = 'no') DESC, CASE verdict WHEN 'fail' THEN 3 WHEN 'warn' THEN 2 WHEN 'pass' THEN 1 ELSE 0 END DESC, agent_key`;

const REPORT_COLS = 'id, created_at, agent_key, agent_name, site, region, instance, verdict, fit, cause, cause_text, browser, rtt_ms, jitter_ms, loss_pct, mos';
const AGENT_COLS = 'agent_key, agent_name, site, region, instance, latest_id, latest_created_at, verdict, fit, cause, cause_text, browser, rtt_ms, jitter_ms, loss_pct, mos';

/** One statement: insert the report unless its id is stored, and move the agent's latest when it is newer. */
const PUT_REPORT = `WITH ins AS (
  INSERT INTO reports (${REPORT_COLS}, body)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17::jsonb)
  ON CONFLICT (id) DO NOTHING
  RETURNING ${REPORT_COLS}
), up AS (
  INSERT INTO agents (${AGENT_COLS})
  SELECT agent_key, agent_name, site, region, instance, id, created_at, verdict, fit, cause, cause_text, browser,
    rtt_ms, jitter_ms, loss_pct, mos FROM ins
  ON CONFLICT (agent_key) DO UPDATE SET
    agent_name = EXCLUDED.agent_name, site = EXCLUDED.site, region = EXCLUDED.region, instance = EXCLUDED.instance,
    latest_id = EXCLUDED.latest_id, latest_created_at = EXCLUDED.latest_created_at, verdict = EXCLUDED.verdict,
    fit = EXCLUDED.fit, cause = EXCLUDED.cause, cause_text = EXCLUDED.cause_text, browser = EXCLUDED.browser,
    rtt_ms = EXCLUDED.rtt_ms, jitter_ms = EXCLUDED.jitter_ms, loss_pct = EXCLUDED.loss_pct, mos = EXCLUDED.mos,
    updated_at = now()
  WHERE agents.latest_created_at <= EXCLUDED.latest_created_at
  RETURNING 1
)
SELECT (SELECT count(*) FROM ins)::int AS inserted`;

export async function migrate(db: Db): Promise<void> {
  await db.session(async (c: SqlClient) => {
    await c.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await c.query('CREATE TABLE IF NOT EXISTS ccpf_migrations (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      const done = new Set((await c.query<{ version: number }>('SELECT version FROM ccpf_migrations')).rows.map((r) => Number(r.version)));
      for (let i = 0; i < MIGRATIONS.length; i++) {
        const version = i + 1;
        if (done.has(version)) continue;
        await c.query('BEGIN');
        try {
          for (const stmt of MIGRATIONS[i]!) await c.query(stmt);
          await c.query('INSERT INTO ccpf_migrations (version) VALUES ($1)', [version]);
          await c.query('COMMIT');
        } catch (e) {
          await c.query('ROLLBACK');
          throw e;
        }
      }
    } finally {
      await c.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  });
}

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function createStore(db: Db): Store {
  return {
    kind: db.kind,
    async putReport(k, body) {
      const r = await db.query<{ inserted: number }>(PUT_REPORT, [
        k.id, k.createdAt, k.agentKey, k.agentName, k.site, k.region, k.instance, k.verdict, k.fit, k.cause, k.causeText,
        k.browser, k.rttMs, k.jitterMs, k.lossPct, k.mos, JSON.stringify(body),
      ]);
      return Number(r.rows[0]?.inserted) > 0;
    },
    async putCall(k, body) {
      const r = await db.query<{ id: string }>(
        `INSERT INTO calls (id, agent_key, site, region, started_at, verdict, rtt_ms, jitter_ms, loss_pct, mos, body)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [k.id, k.agentKey, k.site, k.region, k.startedAt, k.verdict, k.rttMs, k.jitterMs, k.lossPct, k.mos, JSON.stringify(body)],
      );
      return r.rows.length > 0;
    },
    async getReport(id) {
      const r = await db.query<{ body: unknown }>('SELECT body FROM reports WHERE id = $1', [id]);
      return r.rows[0]?.body ?? null;
    },
    async previousReport(id) {
      const r = await db.query<{ body: unknown }>(
        `SELECT p.body FROM reports r JOIN reports p ON p.agent_key = r.agent_key AND p.created_at < r.created_at
         WHERE r.id = $1 ORDER BY p.created_at DESC LIMIT 1`,
        [id],
      );
      return r.rows[0]?.body ?? null;
    },
    async agents(q) {
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (sql: string, v: unknown) => {
        params.push(v);
        where.push(sql.replace('?', `$${params.length}`));
      };
      const search: string[] = [];
      if (q.q) {
        params.push(likePattern(q.q));
        const p = `$${params.length}`;
        search.push(`agent_key ILIKE ${p} OR agent_name ILIKE ${p} OR site ILIKE ${p} OR cause_text ILIKE ${p}`);
      }
      if (q.causes?.length) {
        params.push([...q.causes]);
        search.push(`cause = ANY($${params.length}::text[])`);
      }
      if (search.length) where.push(`(${search.join(' OR ')})`);
      if (q.verdict) add('verdict = ?', q.verdict);
      if (q.fit) add('fit = ?', q.fit);
      if (q.site) add('site = ?', q.site);
      if (q.region) add('region = ?', q.region);
      if (q.cause) add('cause = ?', q.cause);
      const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const total = await db.query<{ c: number }>(`SELECT count(*)::int AS c FROM agents ${w}`, params);
      const rows = await db.query<Record<string, unknown>>(
        `SELECT ${AGENT_COLS} FROM agents ${w} ORDER BY ${ORDER_AGENTS} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, q.limit, q.offset],
      );
      return {
        total: Number(total.rows[0]?.c ?? 0),
        agents: rows.rows.map((r) => ({
          agent: String(r.agent_key),
          name: (r.agent_name as string | null) ?? null,
          site: (r.site as string | null) ?? null,
          region: (r.region as string | null) ?? null,
          latest: {
            id: String(r.latest_id),
            createdAt: iso(r.latest_created_at),
            verdict: String(r.verdict),
            fit: String(r.fit),
            cause: (r.cause as string | null) ?? null,
            causeText: (r.cause_text as string | null) ?? null,
            rttMs: n(r.rtt_ms),
            jitterMs: n(r.jitter_ms),
            lossPct: n(r.loss_pct),
            mos: n(r.mos),
          },
        })),
      };
    },
    async aggregates() {
      const [verdicts, sites, regions, causes, allCauses] = await Promise.all([
        db.query<{ verdict: string; c: number; unfit: number }>(
          `SELECT verdict, count(*)::int AS c, count(*) FILTER (WHERE fit = 'no')::int AS unfit FROM agents GROUP BY verdict`),
        db.query<{ site: string | null; c: number; unfit: number; fail: number; warn: number }>(
          `SELECT site, count(*)::int AS c, count(*) FILTER (WHERE fit = 'no')::int AS unfit,
             count(*) FILTER (WHERE verdict = 'fail')::int AS fail, count(*) FILTER (WHERE verdict = 'warn')::int AS warn
           FROM agents GROUP BY site ORDER BY unfit DESC, fail DESC, c DESC LIMIT 200`),
        db.query<{ region: string | null; c: number; unfit: number; fail: number }>(
          `SELECT region, count(*)::int AS c, count(*) FILTER (WHERE fit = 'no')::int AS unfit,
             count(*) FILTER (WHERE verdict = 'fail')::int AS fail
           FROM agents GROUP BY region ORDER BY unfit DESC, c DESC LIMIT 100`),
        db.query<{ cause: string; cause_text: string | null; site: string | null; c: number; unfit: number; since: unknown }>(
          `SELECT cause, min(cause_text) AS cause_text, site, count(*)::int AS c,
             count(*) FILTER (WHERE fit = 'no')::int AS unfit, min(latest_created_at) AS since
           FROM agents WHERE cause IS NOT NULL GROUP BY cause, site ORDER BY unfit DESC, c DESC LIMIT 100`),
        // Every cause in the fleet, for the view's search in the reader's language (byCause stops at 100 rows).
        db.query<{ cause: string; cause_text: string | null }>(
          `SELECT cause, min(cause_text) AS cause_text FROM agents WHERE cause IS NOT NULL
           GROUP BY cause ORDER BY count(*) DESC, cause LIMIT 500`),
      ]);
      const byVerdict: Record<string, number> = { pass: 0, warn: 0, fail: 0, skip: 0 };
      let agents = 0;
      let unfit = 0;
      for (const r of verdicts.rows) {
        byVerdict[r.verdict] = Number(r.c);
        agents += Number(r.c);
        unfit += Number(r.unfit);
      }
      return {
        agents,
        byVerdict,
        unfit,
        bySite: sites.rows.map((r) => ({ site: r.site, agents: Number(r.c), unfit: Number(r.unfit), fail: Number(r.fail), warn: Number(r.warn) })),
        byRegion: regions.rows.map((r) => ({ region: r.region, agents: Number(r.c), unfit: Number(r.unfit), fail: Number(r.fail) })),
        byCause: causes.rows.map((r) => ({
          cause: r.cause, causeText: r.cause_text, site: r.site, agents: Number(r.c), unfit: Number(r.unfit), since: iso(r.since),
        })),
        causes: allCauses.rows.map((r) => ({ cause: r.cause, causeText: r.cause_text })),
      };
    },
    async history(agent, limit) {
      const r = await db.query<Record<string, unknown>>(
        `SELECT id, created_at, verdict, fit, cause, rtt_ms, jitter_ms, loss_pct, mos FROM reports
         WHERE agent_key = $1 ORDER BY created_at DESC LIMIT $2`,
        [agent, limit],
      );
      return r.rows.map((x) => ({
        id: String(x.id), createdAt: iso(x.created_at), verdict: String(x.verdict), fit: String(x.fit),
        cause: (x.cause as string | null) ?? null, rttMs: n(x.rtt_ms), jitterMs: n(x.jitter_ms), lossPct: n(x.loss_pct), mos: n(x.mos),
      }));
    },
    async calls(agent, limit) {
      const r = await db.query<{ body: unknown }>('SELECT body FROM calls WHERE agent_key = $1 ORDER BY started_at DESC NULLS LAST LIMIT $2', [agent, limit]);
      return r.rows.map((x) => x.body);
    },
    async feed(afterSeq, limit) {
      const r = await db.query<Record<string, unknown>>(
        `SELECT seq, id, agent_key, site, verdict, fit, cause, created_at FROM reports WHERE seq > $1 ORDER BY seq LIMIT $2`,
        [afterSeq, limit],
      );
      return r.rows.map((x) => ({
        seq: Number(x.seq), id: String(x.id), agent: String(x.agent_key), site: (x.site as string | null) ?? null,
        verdict: String(x.verdict), fit: String(x.fit), cause: (x.cause as string | null) ?? null, createdAt: iso(x.created_at),
      }));
    },
    async lastSeq() {
      const r = await db.query<{ s: string | number | null }>('SELECT max(seq) AS s FROM reports');
      return Number(r.rows[0]?.s ?? 0);
    },
    async prune(days) {
      const r = await db.query<{ id: string }>(`DELETE FROM reports WHERE received_at < now() - make_interval(days => $1) RETURNING id`, [days]);
      await db.query(`DELETE FROM calls WHERE received_at < now() - make_interval(days => $1)`, [days]);
      await db.query(`DELETE FROM agents WHERE updated_at < now() - make_interval(days => $1)`, [days]);
      return r.rows.length;
    },
    async countReports() {
      const r = await db.query<{ c: number }>('SELECT count(*)::int AS c FROM reports');
      return Number(r.rows[0]?.c ?? 0);
    },
    close: () => db.close(),
  };
}
