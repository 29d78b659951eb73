// Do not modify this file by hand!
// Re-generate this file by running npm run i18n:build (scripts/i18n-split.mjs).

/** The "agent" part of each language's texts, each language's module a chunk loaded on demand (src/i18n/runtime.ts). */
export const texts = {
  name: 'agent',
  load: {
    es: () => import('./es.agent.js'),
    fr: () => import('./fr.agent.js'),
    de: () => import('./de.agent.js'),
    'pt-BR': () => import('./pt-BR.agent.js'),
    ja: () => import('./ja.agent.js'),
  },
};
