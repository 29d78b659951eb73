/**
 * The package as a desktop developer gets it: `npm pack`, installed into a small Vite + TypeScript app in a
 * temporary folder, type-checked strictly (element, document and window listeners), built by Vite with one copy
 * of Lit, then run in Debian Chromium under a strict Content-Security-Policy with a real coturn: the run must
 * finish with zero `securitypolicyviolation` events.
 *
 * Needs `npm run build` first (scripts/test-all.mjs builds before it runs this folder).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, extname, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
// @ts-expect-error plain JS helpers shipped with the CLI (coturn and the Chromium flags)
import { CHROMIUM_PATH, CHROMIUM_ARGS } from '../support/chromium.mjs';
// @ts-expect-error plain JS helper shipped with the CLI
import { startTurn } from '../../cli/turn.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = (p: string) => join(ROOT, 'node_modules', p);
const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'";

/** Every file under `dir`, relative. */
function walk(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p, base) : [p.slice(base.length + 1)];
  });
}

describe.runIf(existsSync(join(ROOT, 'dist/esm/index.js')))('the published package in a Vite + TypeScript desktop', () => {
  let dir = '';
  let tarball = '';
  let files: string[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ccpf-pack-'));
    const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' });
    const info = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
    tarball = join(dir, info[0]!.filename);
    files = info[0]!.files.map((f) => f.path);
    const app = join(dir, 'app');
    mkdirSync(join(app, 'src'), { recursive: true });
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'desktop', private: true, type: 'module' }));
    // Peers (lit, amazon-connect-streams) come in with the package, as npm installs peer dependencies.
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball, '@types/react@19'], { cwd: app, stdio: 'pipe' });
  }, 240_000);

  // Removing the temp app's node_modules takes a while on a busy machine: a hook timeout of its own.
  afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); }, 120_000);

  it('ships built code, one manifest of public elements and no third-party source maps', () => {
    expect(files).toContain('dist/esm/index.js');
    expect(files).toContain('dist/index.js');
    expect(files).toContain('custom-elements.json');
    // Source maps only of our own code: none for the self-contained build that bundles Lit and Streams.
    const maps = files.filter((f) => f.endsWith('.map'));
    expect(maps.filter((f) => !f.startsWith('dist/esm/') && !f.startsWith('dist/server/collector'))).toEqual([]);
    for (const m of maps) {
      const sources = (JSON.parse(readFileSync(join(ROOT, m), 'utf8')) as { sources: string[] }).sources;
      expect(sources.filter((s) => s.includes('node_modules')), m).toEqual([]);
    }
    // Every path the manifest names exists in the package.
    const manifest = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8')) as { modules: { path: string }[] };
    expect(manifest.modules.length).toBeGreaterThan(0);
    for (const m of manifest.modules) expect(files, m.path).toContain(m.path);
    // The README's relative links and pictures resolve inside the package.
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const links = [...readme.matchAll(/\]\(([^)\s#]+)\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/.test(l));
    for (const l of links) expect(files, `README link ${l}`).toContain(l.replace(/^\.\//, ''));
    // sideEffects names files that ship.
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { sideEffects: string[] };
    for (const s of pkg.sideEffects.filter((x) => !x.includes('*'))) expect(files, s).toContain(s.replace(/^\.\//, ''));
  });

  it('installs one copy of Lit and of Streams, and type-checks strictly in the desktop', () => {
    const app = join(dir, 'app');
    const litCopies = execFileSync('sh', ['-c', "find node_modules -name package.json -path '*/lit/package.json' | wc -l"], { cwd: app, encoding: 'utf8' });
    expect(Number(litCopies.trim())).toBe(1);
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, noEmit: true,
        lib: ['ES2023', 'DOM', 'DOM.Iterable'], types: [], skipLibCheck: false, jsx: 'react-jsx',
      },
      include: ['src'],
    }));
    writeFileSync(join(app, 'src', 'main.ts'), `
import 'ccp-preflight';
import type { Report, CcpPreflightElement } from 'ccp-preflight';
import { parseReport } from 'ccp-preflight/report';

const el: CcpPreflightElement = document.createElement('ccp-preflight');
el.checks = 'browser ice-udp media';
el.duration = 3;
const seen: string[] = [];
el.addEventListener('ccp-preflight-complete', (e) => { const r: Report = e.detail.report; seen.push('element:' + r.verdict); });
document.addEventListener('ccp-preflight-complete', (e) => { const r: Report = e.detail.report; seen.push('document:' + r.verdict); });
window.addEventListener('ccp-preflight-check', (e) => { seen.push('check:' + e.detail.result.id); });
document.addEventListener('securitypolicyviolation', (e) => { seen.push('csp:' + e.violatedDirective + ':' + e.blockedURI); });
const w = window as unknown as { __desktop: { el: CcpPreflightElement; seen: string[]; parse: typeof parseReport } };
w.__desktop = { el, seen, parse: parseReport };
document.body.append(el);
`);
    writeFileSync(join(app, 'src', 'panel.tsx'), `
import type {} from 'ccp-preflight/react';
import type { Report } from 'ccp-preflight';
export const Panel = (p: { onReport: (r: Report) => void }) => (
  <ccp-preflight ccpUrl="https://example.my.connect.aws/ccp-v2" region="us-east-1" duration={6}
    onccp-preflight-complete={(e) => p.onReport(e.detail.report)} />
);
`);
    writeFileSync(join(app, 'src', 'bad.tsx'), `
import 'ccp-preflight';
import type {} from 'ccp-preflight/react';
document.addEventListener('ccp-preflight-complete', (e) => { const n: number = e.detail.report; void n; });
export const Bad = () => <ccp-preflight duration="six" />;
`);
    // The bad files must fail (the listener and the JSX props are really typed), the good ones must pass.
    const tsc = (...include: string[]) => {
      writeFileSync(join(app, 'tsconfig.one.json'), JSON.stringify({ extends: './tsconfig.json', include }));
      try {
        execFileSync('node', [BIN('typescript/bin/tsc'), '-p', 'tsconfig.one.json'], { cwd: app, encoding: 'utf8', stdio: 'pipe' });
        return '';
      } catch (e) {
        return String((e as { stdout?: string }).stdout ?? e);
      }
    };
    expect(tsc('src/main.ts', 'src/panel.tsx')).toBe('');
    const bad = tsc('src/bad.tsx');
    expect(bad).toMatch(/bad\.tsx\(4,\d+\): error TS2322: Type 'Report' is not assignable to type 'number'/);
    expect(bad).toMatch(/bad\.tsx\(5,\d+\): error TS2322: Type 'string' is not assignable to type 'number'/);
    for (const f of ['bad.tsx', 'panel.tsx']) rmSync(join(app, 'src', f));
  }, 300_000);

  it('builds with Vite into one copy of Lit and runs under a strict CSP with no violation', async () => {
    const app = join(dir, 'app');
    writeFileSync(join(app, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>desktop</title>
<script type="module" src="/src/main.ts"></script></head><body></body></html>`);
    execFileSync('node', [BIN('vite/bin/vite.js'), 'build', '--logLevel', 'error'], { cwd: app, stdio: 'pipe' });
    const out = join(app, 'dist');
    const js = walk(out).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(out, f), 'utf8')).join('\n');
    // Lit registers its version once per copy: `(globalThis.litElementVersions ??= []).push('4.x')`.
    expect(js.match(/litElementVersions\s*\?\?=\s*\[\]\s*\)\s*\.push/g)?.length).toBe(1);

    const server: Server = createServer((req, res) => {
      const path = join(out, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
      const file = existsSync(path) && statSync(path).isFile() ? path : join(out, 'index.html');
      const type = { '.js': 'text/javascript', '.html': 'text/html', '.css': 'text/css' }[extname(file)] ?? 'application/octet-stream';
      res.writeHead(200, { 'content-type': type, 'content-security-policy': STRICT_CSP });
      res.end(readFileSync(file));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const turn = await startTurn();
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    try {
      const page = await browser.newPage();
      const consoleErrors: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
      await page.goto(`http://localhost:${port}/`);
      await page.waitForFunction(() => 'customElements' in window && customElements.get('ccp-preflight') && (window as unknown as { __desktop?: unknown }).__desktop);
      const result = await page.evaluate(async (iceServers) => {
        const d = (window as unknown as { __desktop: { el: HTMLElement & { iceServers: unknown; run(): Promise<unknown> }; seen: string[] } }).__desktop;
        d.el.iceServers = iceServers;
        await d.el.run();
        await new Promise((r) => setTimeout(r, 300));
        return d.seen;
      }, turn.iceServers);
      expect(result.filter((s) => s.startsWith('csp:'))).toEqual([]);
      expect(result.some((s) => s.startsWith('element:'))).toBe(true);
      expect(result.some((s) => s.startsWith('document:'))).toBe(true);
      expect(result).toContain('check:media');
      expect(consoleErrors.filter((t) => /Content.Security.Policy|Refused to/i.test(t))).toEqual([]);
    } finally {
      await browser.close();
      await turn.stop();
      server.close();
    }
  }, 300_000);
});
