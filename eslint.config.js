// ESLint flat config: the recommended JavaScript and typescript-eslint rules everywhere, a few type-aware
// rules that catch real bugs (unhandled promises, awaiting non-promises) on the shipped code in src/, and the
// Lit and web-component rules on the elements and their tests. Style is left to the authors: every rule here
// flags something that can be wrong at run time or misleads a reader.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

/** The plugins' flat presets (their types allow legacy configs too). */
const litRecommended = /** @type {import('eslint').Linter.Config} */ (lit.configs?.['flat/recommended']);
const wcRecommended = /** @type {import('eslint').Linter.Config} */ (wc.configs?.['flat/recommended']);

/** Code that runs in Node. */
const NODE_FILES = [
  'cli/**/*.{js,mjs}', 'server/**/*.{js,mjs,ts}', 'scripts/**/*.{js,mjs}', 'bench/**/*.mjs',
  'test/**/*.mjs', 'test/unit/**/*.ts', 'test/e2e/**/*.ts', 'test/server/**/*.ts', 'demo/*.mjs',
  '*.config.{js,mjs,ts}', 'eslint.config.js',
];
/** Code that runs in a page. */
const BROWSER_FILES = [
  'src/**/*.ts', 'demo/*.{ts,js}', 'bench/**/*-page.{ts,js}', 'bench/**/overhead-core.js', 'test/browser/**/*.ts',
];

export default tseslint.config(
  // Generated code (lit-localize's locale modules) is checked by tsc and regenerated, never edited.
  { ignores: ['dist/**', 'node_modules/**', '.test-results/**', 'coverage/**', 'custom-elements.json', 'src/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_`-prefixed names are deliberately unused (positional parameters, rest siblings).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // Declaration merging into a DOM map (HTMLElementEventMap extends ours) is an empty interface by design.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      // `catch { /* best effort */ }` states its intent in a comment.
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Remembering an instance (the page's one CCP owner, the current session of a stand-in) assigns `this`
      // on purpose; the `const self = this` habit the rule targets does not occur with arrow functions.
      '@typescript-eslint/no-this-alias': 'off',
    },
  },
  { files: NODE_FILES, languageOptions: { globals: { ...globals.node } } },
  { files: BROWSER_FILES, languageOptions: { globals: { ...globals.browser } } },
  // Node scripts that drive a page: the callbacks they hand to page.evaluate()/waitForFunction() run in the page.
  { files: ['cli/run.mjs', 'bench/**/*.mjs', 'test/**/record*.mjs', 'scripts/screenshots*.mjs'], languageOptions: { globals: { ...globals.browser } } },
  {
    // The hooks benchmark and CLI pages hang on `window`: each page defines its own at run time.
    files: ['types/page-globals.d.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests feed the parsers and renderers deliberately malformed data; `any` says so where a type cannot.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['test/browser/**/*.ts'],
    languageOptions: { globals: { ...globals.mocha } },
    // Chai's property assertions (`expect(x).to.exist`) are expressions by design.
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  // Type-aware rules, only for the shipped code (the project service over tsconfig.json; affordable on 2 cores).
  {
    files: ['src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-for-in-array': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
      '@typescript-eslint/require-array-sort-compare': ['error', { ignoreStringArrays: true }],
      '@typescript-eslint/restrict-plus-operands': 'error',
    },
  },
  // Lit elements and web components, and the tests that render them.
  {
    files: ['src/elements/**/*.ts', 'test/browser/**/*.ts', 'demo/*.ts'],
    ...litRecommended,
  },
  {
    files: ['src/elements/**/*.ts'],
    ...wcRecommended,
    rules: {
      ...wcRecommended.rules,
      'wc/no-closed-shadow-root': 'error',
      'wc/no-invalid-extends': 'error',
      'wc/no-typos': 'error',
      'wc/require-listener-teardown': 'error',
    },
  },
);
