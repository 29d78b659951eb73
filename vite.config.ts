import { defineConfig } from 'vite';
import { resolve } from 'node:path';

/**
 * `npm run build`: the published ESM modules in dist/ (lit bundled in, so a page can load dist/index.js with no
 * import map; amazon-connect-streams and libphonenumber-js stay in lazy chunks loaded only when a CCP is used).
 * The demo's dev server is started by demo/serve.mjs (it also starts the local TURN server).
 */
export default defineConfig({
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    minify: true,
    lib: {
      entry: {
        index: resolve(import.meta.dirname, 'src/index.ts'),
        report: resolve(import.meta.dirname, 'src/report/index.ts'),
        allowlist: resolve(import.meta.dirname, 'src/allowlist/index.ts'),
      },
      formats: ['es'],
    },
    rollupOptions: {
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
});
