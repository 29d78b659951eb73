#!/usr/bin/env node
// npm run bench:size — gzip weight of the widget (without Streams, and with the CCP part loaded) and of
// the peer tools' published entries, all bundled the same way: esbuild, minified, ESM, browser, gzip -9.
//
// The widget is bundled with code splitting, so lazy imports (amazon-connect-streams, libphonenumber-js,
// the CCP adapter) become their own chunks. "Without Streams" = the entry chunk plus every chunk it
// imports statically (what a page downloads up front). "With the CCP part" = that plus the chunks
// reached through dynamic imports that hold amazon-connect-streams or src/ccp/ code (and their static deps).
// Each chunk is gzipped on its own (the browser fetches them separately) and the sizes are added.
// Each language's texts come in parts (src/generated/parts/<locale>.<part>.ts, scripts/i18n-split.mjs), each its
// own lazy chunk: the widget in a language loads its "agent" part only; the table lists every part beside the
// language's texts in one module (src/generated/locales/<locale>.ts, as lit-localize writes them).
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { ROOT, BenchError, loadEsbuild, printTable, runMain, tempDir, machineInfo, printMachine } from './lib/util.mjs';
import { CHROMIUM_PATH } from '../test/support/chromium.mjs';
import { PARTS } from '../scripts/i18n-split.mjs';

const GOAL_KB = 25;
if (process.argv.includes('--help')) {
  console.log('Usage: node bench/size.mjs   (no options; prints the gzip weight table)');
  process.exit(0);
}
const require = createRequire(join(ROOT, 'package.json'));

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(1);

function walk(dir, re, out = []) {
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, re, out);
    else if (re.test(e.name)) out.push(p);
  }
  return out;
}

/** The widget's entry: src/index.ts when it exists, else runner + the <ccp-preflight> element files. */
function widgetEntry(tmp) {
  const index = join(ROOT, 'src', 'index.ts');
  if (existsSync(index)) return { file: index, label: 'src/index.ts' };
  const elementFiles = walk(join(ROOT, 'src', 'elements'), /^ccp-preflight.*\.ts$/).filter((f) => !/\.test\.ts$/.test(f));
  const file = join(tmp, 'entry.ts');
  writeFileSync(
    file,
    [`export * from ${JSON.stringify(join(ROOT, 'src', 'runner.ts'))};`, ...elementFiles.map((f) => `import ${JSON.stringify(f)};`)].join('\n') + '\n',
  );
  const label = `src/runner.ts${elementFiles.length ? ` + ${elementFiles.map((f) => relative(ROOT, f)).join(', ')}` : ' (no element files yet)'} (src/index.ts not found)`;
  return { file, label };
}

const common = {
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  write: false,
  metafile: true,
  legalComments: 'none',
  logLevel: 'silent',
  define: { 'process.env.NODE_ENV': '"production"' },
  absWorkingDir: ROOT,
  nodePaths: [join(ROOT, 'node_modules')],
};

function explainBuildError(e, what) {
  const msgs = (e?.errors ?? []).slice(0, 5).map((m) => `  ${m.location ? `${m.location.file}:${m.location.line}: ` : ''}${m.text}`).join('\n');
  return new BenchError(`Could not bundle ${what}:\n${msgs || e?.message}`);
}

/**
 * While the tree is being built, a source file the entry imports may not exist yet. Rather than fail, the
 * bundle gets an empty module in its place and the table says which files were missing.
 */
function missingAsEmpty(missing) {
  return {
    name: 'missing-as-empty',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, async (a) => {
        if (a.pluginData?.skip) return undefined;
        const r = await build.resolve(a.path, { kind: a.kind, resolveDir: a.resolveDir, importer: a.importer, pluginData: { skip: true } });
        if (r.errors.length && a.importer.startsWith(join(ROOT, 'src'))) {
          missing.add(relative(ROOT, join(a.resolveDir, a.path)));
          return { path: a.path, namespace: 'missing' };
        }
        return r;
      });
      build.onLoad({ filter: /.*/, namespace: 'missing' }, () => ({ contents: '', loader: 'js' }));
    },
  };
}

let outN = 0;
async function measureWidget(esbuild, tmp, entry = widgetEntry(tmp)) {
  const missing = new Set();
  let res;
  try {
    res = await esbuild.build({ ...common, entryPoints: { widget: entry.file }, splitting: true, outdir: join(tmp, 'out', String(++outN)), chunkNames: 'chunk-[hash]', plugins: [missingAsEmpty(missing)] });
  } catch (e) {
    throw explainBuildError(e, `the widget (${entry.label})`);
  }
  const outputs = res.metafile.outputs;
  const files = new Map(res.outputFiles.map((f) => [relative(ROOT, f.path), f]));
  const chunkOf = (p) => ({ path: p, meta: outputs[p], bytes: files.get(p).contents.length, gzip: gz(files.get(p).contents) });
  const jsOutputs = Object.keys(outputs).filter((p) => p.endsWith('.js'));
  // Dynamic-import chunks carry an entryPoint too: pick the output of our own entry.
  const entryOut = jsOutputs.find((p) => p.endsWith('/widget.js')) ?? jsOutputs.find((p) => outputs[p].entryPoint === relative(ROOT, entry.file));
  const staticClosure = (roots) => {
    const seen = new Set();
    const stack = [...roots];
    while (stack.length) {
      const p = /** @type {string} */ (stack.pop());
      if (seen.has(p)) continue;
      seen.add(p);
      for (const imp of outputs[p].imports) if (imp.kind === 'import-statement' && !imp.external) stack.push(imp.path);
    }
    return seen;
  };
  const upfront = staticClosure([entryOut]);
  const holds = (p, re) => Object.keys(outputs[p].inputs).some((i) => re.test(i));
  const ccpRe = /node_modules\/amazon-connect-streams\/|(^|\/)src\/ccp\//;
  const ccpRoots = jsOutputs.filter((p) => !upfront.has(p) && holds(p, ccpRe));
  const withCcp = staticClosure([entryOut, ...ccpRoots]);
  // Everything a full run without a CCP can load: static and dynamic imports from the entry, except the
  // chunks of amazon-connect-streams, the CCP adapter (src/ccp/index.ts) and libphonenumber-js (failover).
  const lazyCcpRe = /node_modules\/amazon-connect-streams\/|node_modules\/libphonenumber-js\/|(^|\/)src\/ccp\/(index|controller)\.ts$/;
  const runClosure = new Set();
  {
    const stack = [entryOut];
    while (stack.length) {
      const p = /** @type {string} */ (stack.pop());
      if (runClosure.has(p)) continue;
      runClosure.add(p);
      for (const imp of outputs[p].imports) {
        if (imp.external || !outputs[imp.path]) continue;
        if (imp.kind === 'dynamic-import' && holds(imp.path, lazyCcpRe)) continue;
        stack.push(imp.path);
      }
    }
  }
  const sum = (set) => [...set].map(chunkOf).reduce((a, c) => ({ bytes: a.bytes + c.bytes, gzip: a.gzip + c.gzip }), { bytes: 0, gzip: 0 });
  const streamsUpFront = [...upfront].some((p) => holds(p, /node_modules\/amazon-connect-streams\//));
  const phoneUpFront = [...upfront].some((p) => holds(p, /node_modules\/libphonenumber-js\//));
  const streamsAnywhere = jsOutputs.some((p) => holds(p, /node_modules\/amazon-connect-streams\//));

  // Biggest contributors to the up-front chunks, by minified bytes (before gzip).
  const contrib = new Map();
  for (const p of upfront) {
    for (const [input, { bytesInOutput }] of Object.entries(outputs[p].inputs)) {
      if (!bytesInOutput) continue;
      const key = input.includes('node_modules/')
        ? input.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, '$1')
        : input;
      contrib.set(key, (contrib.get(key) ?? 0) + bytesInOutput);
    }
  }
  // The language parts' chunks: locale → part → gzip bytes (and whether one is loaded up front, which it must not be).
  const languages = new Map();
  let languageUpFront = false;
  for (const p of jsOutputs) {
    for (const input of Object.keys(outputs[p].inputs)) {
      const m = /(?:^|\/)src\/generated\/parts\/([^/]+)\.(\w+)\.ts$/.exec(input);
      if (!m) continue;
      (languages.get(m[1]) ?? languages.set(m[1], new Map()).get(m[1])).set(m[2], chunkOf(p).gzip);
      if (upfront.has(p)) languageUpFront = true;
    }
  }
  return {
    entry,
    languages,
    languageUpFront,
    missing: [...missing],
    upfront: { chunks: upfront.size, ...sum(upfront) },
    fullRun: { chunks: runClosure.size, ...sum(runClosure), gzipOne: gz(Buffer.concat([...runClosure].map((p) => Buffer.from(files.get(p).contents)))) },
    withCcp: { chunks: withCcp.size, ...sum(withCcp), hasCcpChunks: ccpRoots.length > 0 },
    all: { chunks: jsOutputs.length, ...sum(new Set(jsOutputs)) },
    streamsUpFront,
    phoneUpFront,
    streamsAnywhere,
    contributors: [...contrib.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12),
  };
}

/** A peer's published entry: `main` from its package.json, or a note why another file is used. */
function peerEntries() {
  const pkgDir = (name) => join(ROOT, 'node_modules', ...name.split('/'));
  const list = [];
  const add = (name, measures, pick) => {
    const dir = pkgDir(name);
    if (!existsSync(join(dir, 'package.json'))) {
      list.push({ name, measures, missing: `not installed (run \`npm ci\`; it is a devDependency)` });
      return;
    }
    const pkg = require(join(dir, 'package.json'));
    list.push({ name: `${name} ${pkg.version}`, measures, ...pick(dir, pkg) });
  };
  add('@jitsi/precall-test', 'TURN RTT, loss, throughput', (dir, pkg) => ({ file: join(dir, pkg.main), note: `main: ${pkg.main}` }));
  add('webrtc-troubleshoot', 'connectivity, audio/video, bandwidth', (dir, pkg) => {
    const main = join(dir, pkg.main);
    if (existsSync(main)) return { file: main, note: `main: ${pkg.main}` };
    // Its `main` (src/index.js) is not in the published package; the published, loadable build is the dist UMD bundle.
    return { file: join(dir, 'dist', 'webrtc-troubleshooter.js'), note: `main ${pkg.main} is missing; dist/webrtc-troubleshooter.js` };
  });
  add('@twilio/rtc-diagnostics', 'media bitrate, audio in/out', (dir, pkg) => ({ file: join(dir, pkg.main), note: `main: ${pkg.main}` }));
  return list;
}

async function measurePeer(esbuild, peer) {
  if (peer.missing) return { ...peer };
  try {
    const res = await esbuild.build({ ...common, entryPoints: [peer.file], outfile: 'peer.js' });
    const js = res.outputFiles.filter((f) => f.path.endsWith('.js'));
    return { ...peer, bytes: js.reduce((a, f) => a + f.contents.length, 0), gzip: js.reduce((a, f) => a + gz(f.contents), 0) };
  } catch (e) {
    return { ...peer, error: explainBuildError(e, peer.name).message.split('\n').slice(0, 2).join(' ') };
  }
}

/**
 * Each language's parts, each module bundled alone the same way (lit and @lit/localize outside), and the
 * language's texts in one module as lit-localize writes them, for comparison.
 */
async function printLanguages(esbuild, locales) {
  const alone = async (file) => {
    if (!existsSync(file)) return '—';
    const res = await esbuild.build({ ...common, entryPoints: [file], outfile: 'texts.js', external: ['lit', '@lit/localize'] });
    return kb(gz(res.outputFiles[0].contents));
  };
  const rows = [];
  for (const locale of locales) {
    const parts = await Promise.all(PARTS.map((p) => alone(join(ROOT, 'src', 'generated', 'parts', `${locale}.${p}.ts`))));
    rows.push([locale, ...parts, await alone(join(ROOT, 'src', 'generated', 'locales', `${locale}.ts`))]);
  }
  printTable(['language', ...PARTS.map((p) => `${p} gzip KB`), 'all in one module'], rows, {
    title: `Language texts: each part its own lazy chunk (the widget loads "${PARTS[0]}" only; the others load with the views and the CLI entries that need them)`,
  });
}

async function main() {
  const esbuild = await loadEsbuild();
  const tmp = tempDir('ccpf-size-');
  printMachine(machineInfo(CHROMIUM_PATH));
  console.log(`esbuild ${esbuild.version}: bundle, minify, ESM, platform browser, target es2022; gzip level 9 per chunk.`);

  const w = await measureWidget(esbuild, tmp);
  console.log(`Widget entry: ${w.entry.label}`);
  const rows = [
    ['ccp-preflight, without Streams (up front)', `${w.upfront.chunks}`, kb(w.upfront.bytes), kb(w.upfront.gzip), `${w.upfront.gzip / 1024 <= GOAL_KB ? `<= ${GOAL_KB} KB: met` : `<= ${GOAL_KB} KB: MISSED`}; loaded with the page`],
    ['ccp-preflight, full run without Streams', `${w.fullRun.chunks}`, kb(w.fullRun.bytes), kb(w.fullRun.gzip), `${w.fullRun.gzip / 1024 <= GOAL_KB ? `<= ${GOAL_KB} KB: met` : `<= ${GOAL_KB} KB: MISSED`}; + every lazily loaded check (${kb(w.fullRun.gzipOne)} KB as one gzip stream)`],
    ['ccp-preflight, with the CCP part loaded', `${w.withCcp.chunks}`, kb(w.withCcp.bytes), kb(w.withCcp.gzip), w.withCcp.hasCcpChunks ? 'entry + Streams + adapter chunks' : (w.streamsAnywhere ? 'Streams is in the up-front chunks' : 'no Streams import yet')],
    ['ccp-preflight, every chunk', `${w.all.chunks}`, kb(w.all.bytes), kb(w.all.gzip), 'incl. libphonenumber-js etc.'],
  ];
  // The headless API alone (runPreflight and the checks, no elements), measured the same way.
  const runnerFile = join(ROOT, 'src', 'runner.ts');
  if (existsSync(runnerFile)) {
    const r = await measureWidget(esbuild, tmp, { file: runnerFile, label: 'src/runner.ts' });
    rows.push(['runPreflight only (src/runner.ts, no UI), full run', `${r.fullRun.chunks}`, kb(r.fullRun.bytes), kb(r.fullRun.gzip), `the runner and every check, no element (${kb(r.upfront.gzip)} KB up front)`]);
  }
  // Streams on its own, for reference (what the CCP part costs whatever the adapter does).
  const streamsDir = join(ROOT, 'node_modules', 'amazon-connect-streams');
  if (existsSync(join(streamsDir, 'package.json'))) {
    const spkg = require(join(streamsDir, 'package.json'));
    const s = await measurePeer(esbuild, { name: `amazon-connect-streams ${spkg.version} alone`, file: join(streamsDir, spkg.main ?? 'index.js'), measures: 'reference', note: 'loaded lazily by the CCP part' });
    rows.push([s.name, s.error ? '—' : '1', s.bytes != null ? kb(s.bytes) : '—', s.gzip != null ? kb(s.gzip) : '—', s.error ?? 'reference: loaded lazily by the CCP part']);
  }
  const peers = await Promise.all(peerEntries().map((p) => measurePeer(esbuild, p)));
  for (const p of peers) {
    rows.push([p.name, p.missing || p.error ? '—' : '1', p.bytes != null ? kb(p.bytes) : '—', p.gzip != null ? kb(p.gzip) : '—', p.missing ?? p.error ?? `${p.measures}; ${p.note}`]);
  }
  printTable(['bundle', 'chunks', 'min KB', 'gzip KB', 'note'], rows, { title: 'Weight (KB = 1024 bytes)' });

  printTable(
    ['up-front input', 'min KB'],
    w.contributors.map(([k, v]) => [k, kb(v)]),
    { title: 'Largest parts of the up-front widget chunks (minified, before gzip)' },
  );
  if (w.languages.size) await printLanguages(esbuild, [...w.languages.keys()]);
  if (w.languageUpFront) console.log('\nWARNING: a language part is in the up-front chunks; each should load on demand.');
  if (w.missing.length) console.log(`\nNOTE: not in the tree yet, counted as empty: ${w.missing.join(', ')}. The figures will grow when they land.`);
  if (w.streamsUpFront) console.log('\nWARNING: amazon-connect-streams is in the up-front chunks; it should be a lazy import() so pages without a CCP do not pay for it.');
  if (w.phoneUpFront) console.log('\nNOTE: libphonenumber-js is in the up-front chunks; a lazy import() would keep it out until failover is used.');
  if (!w.streamsAnywhere) console.log('\nNOTE: nothing imports amazon-connect-streams yet, so "with the CCP part" equals the up-front figure.');
  console.log(`\nGoal: widget without Streams <= ${GOAL_KB} KB gzip: up front ${w.upfront.gzip / 1024 <= GOAL_KB ? 'met' : 'MISSED'} (${kb(w.upfront.gzip)} KB); for a full run ${w.fullRun.gzip / 1024 <= GOAL_KB ? 'met' : 'MISSED'} (${kb(w.fullRun.gzip)} KB).`);
}

runMain(main);
