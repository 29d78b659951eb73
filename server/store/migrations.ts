/**
 * One schema, one list of migrations, for PGlite and PostgreSQL alike. Append new migrations; never edit a
 * shipped one. Applied under an advisory lock, so collectors starting together on one database take turns.
 */
export const MIGRATIONS: readonly (readonly string[])[] = [
  // 1: reports (key figures in columns, the whole report as jsonb), the latest report per agent, call summaries.
  [
    `CREATE TABLE reports (
      id text PRIMARY KEY,
      seq bigserial NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      created_at timestamptz NOT NULL,
      agent_key text NOT NULL,
      agent_name text,
      site text,
      region text,
      instance text,
      verdict text NOT NULL,
      fit text NOT NULL,
      cause text,
      cause_text text,
      browser text,
      rtt_ms double precision,
      jitter_ms double precision,
      loss_pct double precision,
      mos double precision,
      body jsonb NOT NULL
    )`,
    `CREATE INDEX reports_agent_created ON reports (agent_key, created_at DESC)`,
    `CREATE INDEX reports_seq ON reports (seq)`,
    `CREATE INDEX reports_received ON reports (received_at)`,
    `CREATE TABLE agents (
      agent_key text PRIMARY KEY,
      agent_name text,
      site text,
      region text,
      instance text,
      latest_id text NOT NULL,
      latest_created_at timestamptz NOT NULL,
      verdict text NOT NULL,
      fit text NOT NULL,
      cause text,
      cause_text text,
      browser text,
      rtt_ms double precision,
      jitter_ms double precision,
      loss_pct double precision,
      mos double precision,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE INDEX agents_order ON agents (fit, verdict, agent_key)`,
    `CREATE INDEX agents_site ON agents (site)`,
    `CREATE INDEX agents_cause ON agents (cause)`,
    `CREATE TABLE calls (
      id text PRIMARY KEY,
      seq bigserial NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      agent_key text NOT NULL,
      site text,
      region text,
      started_at timestamptz,
      verdict text NOT NULL,
      rtt_ms double precision,
      jitter_ms double precision,
      loss_pct double precision,
      mos double precision,
      body jsonb NOT NULL
    )`,
    `CREATE INDEX calls_agent ON calls (agent_key, started_at DESC)`,
    `CREATE INDEX calls_received ON calls (received_at)`,
  ],
];

/** Any constant: the advisory lock key the collectors take while migrating. */
export const MIGRATION_LOCK_KEY = 727_001;
