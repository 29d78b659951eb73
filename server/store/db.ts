/**
 * The one SQL connection interface the store runs on: PGlite (embedded PostgreSQL in a data folder) or a real
 * PostgreSQL through a `pg` Pool. Both speak the same SQL; nothing above this file knows which one it is.
 */
export interface SqlClient {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<{ rows: T[] }>;
}

export interface Db extends SqlClient {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` on one session (one connection), e.g. for an advisory lock around migrations. */
  session<T>(fn: (client: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** PGlite in `dataDir` (created when missing), or in memory when `dataDir` is undefined (tests). */
export async function openPglite(dataDir: string | undefined): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  const pg = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  const client: SqlClient = {
    async query<T>(sql: string, params?: readonly unknown[]) {
      const r = await pg.query<T>(sql, params ? [...params] : undefined);
      return { rows: r.rows };
    },
  };
  return {
    kind: 'pglite',
    query: client.query,
    session: (fn) => fn(client),
    close: () => pg.close(),
  };
}

/** Pool size per collector process: enough to keep a 2-core database busy without queuing many connections. */
const POOL_MAX = 10;

/** A real PostgreSQL (`postgres://user:pass@host:port/db`). */
export async function openPostgres(connectionString: string): Promise<Db> {
  const pgmod = await import('pg');
  const Pool = pgmod.default?.Pool ?? (pgmod as unknown as { Pool: typeof pgmod.default.Pool }).Pool;
  const pool = new Pool({ connectionString, max: POOL_MAX });
  // An idle client's error (the server restarted) must not crash the collector; the next query reconnects.
  pool.on('error', () => {});
  // Fail early with a clear message when the database cannot be reached.
  try {
    const c = await pool.connect();
    c.release();
  } catch (e) {
    await pool.end().catch(() => {});
    throw new Error(`Could not connect to the PostgreSQL database (${e instanceof Error ? e.message : String(e)}). ` +
      'Check --database / DATABASE_URL (postgres://USER:PASSWORD@HOST:PORT/DB) and that the server is running.', { cause: e });
  }
  return {
    kind: 'postgres',
    async query<T>(sql: string, params?: readonly unknown[]) {
      const r = await pool.query(sql, params ? [...params] : undefined);
      return { rows: r.rows as T[] };
    },
    async session(fn) {
      const c = await pool.connect();
      try {
        return await fn({ query: async <T,>(sql: string, params?: readonly unknown[]) => ({ rows: (await c.query(sql, params ? [...params] : undefined)).rows as T[] }) });
      } finally {
        c.release();
      }
    },
    close: () => pool.end(),
  };
}
