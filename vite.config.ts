import { defineConfig, type Plugin } from 'vite';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';

/**
 * `npm run build` runs Vite twice:
 *
 * - `vite build` (default mode): the self-contained build for `<script type="module">` pages, in `dist/*.js` and
 *   `dist/chunks/`: Lit and every dependency bundled in, no import map needed; amazon-connect-streams and
 *   libphonenumber-js stay in lazy chunks loaded only when the widget starts a CCP itself. No source maps
 *   (they would ship third-party code).
 * - `vite build --mode esm`: the build for bundler users, in `dist/esm/`, one file per source module, every
 *   dependency left as a bare import (`lit`, `amazon-connect-streams` as peer dependencies: one copy of each in
 *   the desktop's bundle), with source maps of our own code only.
 *
 * The demo's dev server is started by demo/serve.mjs (it also starts the local TURN server and the collector).
 */

const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};
const externalNames = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];
const isExternal = (id: string): boolean => externalNames.some((n) => id === n || id.startsWith(`${n}/`));

/**
 * amazon-connect-streams finds the global object with `new Function("return this")()` when `this` is undefined
 * (always, in a strict ES module), which a strict Content-Security-Policy reports as an `eval` violation. The
 * self-contained build replaces it with `globalThis` (same value, no eval).
 */
function streamsWithoutFunctionShim(): Plugin {
  return {
    name: 'ccp-preflight:streams-no-function-shim',
    transform(code, id) {
      if (!id.includes('amazon-connect-streams')) return null;
      const out = code.replaceAll('new Function("return this")()', 'globalThis');
      return out === code ? null : { code: out, map: null };
    },
  };
}

/**
 * The define modules (src/elements/<tag>/<tag>.ts) register the custom elements: a side effect. package.json's
 * `sideEffects` describes the shipped dist/ files, so our own sources are marked here instead, or the bundler
 * would drop the registrations that src/index.ts imports for their effect.
 */
function defineModulesHaveSideEffects(): Plugin {
  const isDefineModule = (id: string): boolean => /[\\/]src[\\/]elements[\\/]([^\\/]+)[\\/]\1\.ts$/.test(id) || /[\\/]src[\\/]index\.ts$/.test(id);
  return {
    name: 'ccp-preflight:define-modules-side-effects',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const r = await this.resolve(source, importer, { ...options, skipSelf: true });
      return r && isDefineModule(r.id) ? { ...r, moduleSideEffects: true } : r;
    },
  };
}

const entries = {
  index: resolve(import.meta.dirname, 'src/index.ts'),
  report: resolve(import.meta.dirname, 'src/report/index.ts'),
  allowlist: resolve(import.meta.dirname, 'src/allowlist/index.ts'),
};
/** <ccp-preflight-fleet> for any supervisor page (the collector serves its own copy too). */
const FLEET = resolve(import.meta.dirname, 'src/elements/ccp-preflight-fleet/ccp-preflight-fleet.ts');
/** dist/esm mirrors src/: the fleet element keeps its own path there (the manifest names it). */
const esmEntries = { ...entries, 'elements/ccp-preflight-fleet/ccp-preflight-fleet': FLEET };
/**
 * The self-contained build also names the viewer and the CCP log element (dist/viewer.js, dist/log.js): the
 * widget loads them on demand, a page that shows one alone loads its file. (dist/esm keeps one file per module.)
 */
const scriptEntries = {
  ...entries,
  fleet: FLEET,
  viewer: resolve(import.meta.dirname, 'src/elements/ccp-preflight-report/ccp-preflight-report.ts'),
  log: resolve(import.meta.dirname, 'src/elements/ccp-preflight-log/ccp-preflight-log.ts'),
};

export default defineConfig(({ mode }) =>
  mode === 'esm'
    ? {
        plugins: [defineModulesHaveSideEffects()],
        // Relative asset URLs: the CCP log worker (new URL('./worker.ts', import.meta.url)) loads wherever dist/ is served.
        base: './',
        build: {
          target: 'es2022',
          outDir: 'dist/esm',
          emptyOutDir: true,
          sourcemap: true,
          minify: false,
          lib: { entry: esmEntries, formats: ['es'] },
          rollupOptions: {
            external: isExternal,
            output: {
              preserveModules: true,
              preserveModulesRoot: 'src',
              entryFileNames: '[name].js',
            },
          },
        },
      }
    : {
        plugins: [defineModulesHaveSideEffects(), streamsWithoutFunctionShim()],
        base: './',
        build: {
          target: 'es2022',
          outDir: 'dist',
          emptyOutDir: false,
          sourcemap: false,
          minify: true,
          lib: { entry: scriptEntries, formats: ['es'] },
          rollupOptions: {
            output: {
              entryFileNames: '[name].js',
              chunkFileNames: 'chunks/[name]-[hash].js',
            },
          },
        },
      },
);
