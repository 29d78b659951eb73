// `npm run analyze`: custom-elements.json for the public elements only, with paths that ship in the package
// (the bundler build in dist/esm mirrors src/ module by module: src/x/y.ts -> dist/esm/x/y.js).
const toDist = (p) => p.replace(/^\.?\/?src\//, 'dist/esm/').replace(/\.ts$/, '.js');

export default {
  litelement: true,
  // Element classes and their define modules; internal modules (checks, stats, ccp) are not documented here.
  globs: ['src/elements/*/*.element.ts', 'src/elements/*/*.properties.ts', 'src/elements/*/ccp-preflight*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  plugins: [
    {
      name: 'ccp-preflight:dist-paths',
      packageLinkPhase({ customElementsManifest }) {
        // The same order on every machine (glob order follows the file system's), so the file only changes
        // when the API does.
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        for (const mod of customElementsManifest.modules) {
          mod.path = toDist(mod.path);
          for (const ex of mod.exports ?? []) {
            if (ex.declaration?.module) ex.declaration.module = toDist(ex.declaration.module);
          }
          for (const d of mod.declarations ?? []) {
            if (d.superclass?.module) d.superclass.module = toDist(d.superclass.module);
            for (const m of [...(d.members ?? []), ...(d.attributes ?? [])]) {
              if (m.inheritedFrom?.module) m.inheritedFrom.module = toDist(m.inheritedFrom.module);
            }
          }
        }
      },
    },
  ],
};
