#!/usr/bin/env node
// Builds the collector for Node (dist/server/collector.mjs) and the fleet page it serves (dist/server/public/).
// Run by `npm run build`; cli/serve.mjs builds into node_modules/.cache when run from a checkout without dist/.
// npm packages stay external (resolved from node_modules); the report module and the elements are bundled.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));

/** @param {{ outdir?: string, minify?: boolean }} [opts] @returns {Promise<string>} the output folder */
export async function buildServer(opts = {}) {
  const outdir = opts.outdir ?? join(root, 'dist/server');
  mkdirSync(join(outdir, 'public'), { recursive: true });
  await Promise.all([
    build({
      entryPoints: [join(root, 'server/main.ts')],
      outfile: join(outdir, 'collector.mjs'),
      bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external',
      sourcemap: true, logLevel: 'error',
      tsconfig: join(root, 'server/tsconfig.json'),
    }),
    build({
      entryPoints: { fleet: join(root, 'src/elements/ccp-preflight-fleet/page.ts') },
      outdir: join(outdir, 'public'),
      bundle: true, platform: 'browser', format: 'esm', target: 'es2022', splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
      minify: opts.minify ?? true, sourcemap: true, logLevel: 'error',
      conditions: ['production'],
      // package.json "sideEffects" globs would let esbuild drop the elements' define() modules.
      ignoreAnnotations: true,
      tsconfig: join(root, 'tsconfig.json'),
    }),
  ]);
  for (const f of ['fleet.html', 'fleet.css']) copyFileSync(join(root, 'server/public', f), join(outdir, 'public', f));
  return outdir;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildServer();
}
