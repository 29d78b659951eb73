// Do not modify this file by hand!
// Re-generate this file by running npm run i18n:build (scripts/i18n-split.mjs).

/** The "cli" part of each language's texts, each language's module a chunk loaded on demand (src/i18n/runtime.ts). */
export const texts = {
  name: 'cli',
  load: {
    es: () => import('./es.cli.js'),
    fr: () => import('./fr.cli.js'),
    de: () => import('./de.cli.js'),
    'pt-BR': () => import('./pt-BR.cli.js'),
    ja: () => import('./ja.cli.js'),
  },
};
