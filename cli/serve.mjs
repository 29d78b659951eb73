// `ccp-preflight serve`: the fleet collector. Runs the build's dist/server/collector.mjs; in a source checkout
// without a build, builds it first into node_modules/.cache (esbuild, a second or two).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { T } from './lang.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The folder holding collector.mjs and public/, building it from source when there is no build. */
export async function collectorDir({ fromSource = false } = {}) {
  const dist = join(root, 'dist/server');
  if (!fromSource && existsSync(join(dist, 'collector.mjs'))) return dist;
  if (!existsSync(join(root, 'server/build.mjs'))) {
    throw new Error(T ? T.collectorNotBuilt : 'The collector is not built. Run "npm run build" first.');
  }
  const { buildServer } = await import('../server/build.mjs');
  return buildServer({ outdir: join(root, 'node_modules/.cache/ccp-preflight-server'), minify: false });
}

export async function serveMain(args, io) {
  let dir;
  try {
    dir = await collectorDir();
  } catch (e) {
    io.stderr.write(`ccp-preflight serve: ${e instanceof Error ? e.message : String(e)}\n`);
    return 3;
  }
  let mod;
  try {
    mod = await import(join(dir, 'collector.mjs'));
  } catch (e) {
    const missing = /Cannot find (package|module) '([^']+)'/.exec(String(e instanceof Error ? e.message : e));
    io.stderr.write(missing
      ? `ccp-preflight serve: ${T ? T.collectorNeedsPackage(missing[2]) : `the collector needs the package "${missing[2]}". Install the collector's packages with:`}\n` +
        '  npm install fastify @fastify/cors @fastify/rate-limit @fastify/static @electric-sql/pglite pg ' +
        '@opentelemetry/api @opentelemetry/api-logs @opentelemetry/sdk-metrics @opentelemetry/sdk-logs ' +
        '@opentelemetry/exporter-metrics-otlp-http @opentelemetry/exporter-logs-otlp-http @opentelemetry/resources\n'
      : `ccp-preflight serve: ${T ? T.collectorLoadFailed(e instanceof Error ? e.message : String(e)) : `could not load the collector (${e instanceof Error ? e.message : String(e)}).`}\n`);
    return 3;
  }
  // The collector's own words (src/i18n/serve-texts.ts) from the built package, in the language cli/lang.mjs set;
  // English (the collector's bundled copy) before a build or with a build older than this CLI.
  const texts = T ? (await import('ccp-preflight/report').catch(() => null))?.serveTexts : undefined;
  return mod.serveMain(args, io, { publicDir: join(dir, 'public'), ...(texts ? { texts } : {}) });
}
