// Do not modify this file by hand!
// Re-generate this file by running npm run i18n:build (scripts/i18n-split.mjs).

/** The "supervisor" part of each language's texts, each language's module a chunk loaded on demand (src/i18n/runtime.ts). */
export const texts = {
  name: 'supervisor',
  load: {
    es: () => import('./es.supervisor.js'),
    fr: () => import('./fr.supervisor.js'),
    de: () => import('./de.supervisor.js'),
    'pt-BR': () => import('./pt-BR.supervisor.js'),
    ja: () => import('./ja.supervisor.js'),
  },
};
