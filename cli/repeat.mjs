// `ccp-preflight run --repeat N [--pause S]`: the test call N times in one headless browser page, then the
// error rate and the spread of each figure (cli/repeat-stats.mjs). The Amazon Connect networking guide asks to
// prove a domain allowlist (Option 1) with more than 200 calls; an error rate above 2 % points at the proxy.
import { existsSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserLaunchError } from './browser-launch.mjs';
import { EXIT, notBuilt, parseRunArgs, seeHelp } from './run.mjs';
import { T } from './lang.mjs';
import { openTestPage } from './session.mjs';
import { callFromReport, formatRepeat, summarizeCalls } from './repeat-stats.mjs';

const ROOT = normalize(join(dirname(fileURLToPath(import.meta.url)), '..'));
export const MAX_REPEAT = 1000;
export const DEFAULT_PAUSE_S = 2;
/** Time limit of one test call beyond its --duration: connecting (8 s in the media check) and set-up. */
const CALL_OVERHEAD_S = 20;

/** The help of --repeat before a build (the built package's cliTexts.repeatHelp() says the same in English). */
export const REPEAT_USAGE = `  --repeat N            Run the test call N times (1-${MAX_REPEAT}) and report the error rate and the spread of
                        RTT, jitter, loss and MOS. The Amazon Connect networking guide asks for more than 200
                        calls to prove a domain allowlist; above 2 % failed calls points at the proxy.
                        Exit 0 within 2 % over more than 200 calls, 1 within 2 % over fewer, 2 above 2 %.
  --pause SECONDS       Pause between repeated calls (0-60, default ${DEFAULT_PAUSE_S})`;

/** The help of --repeat in the active language of the built package (src/i18n/cli-texts.ts), else in English. */
export const repeatUsage = () => (T ? T.repeatHelp(MAX_REPEAT, DEFAULT_PAUSE_S) : REPEAT_USAGE);

class UsageError extends Error {}

/** Splits --repeat/--pause from the run options. */
export function parseRepeatArgs(argv) {
  const rest = [];
  let repeat;
  let pauseS = DEFAULT_PAUSE_S;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--(repeat|pause)(?:=(.*))?$/.exec(a);
    if (!m) {
      rest.push(a);
      continue;
    }
    const v = m[2] ?? argv[++i];
    if (v === undefined) throw new UsageError(T ? T.needsValue(`--${m[1]}`) : `--${m[1]} needs a value.`);
    const n = Number(v);
    if (m[1] === 'repeat') {
      if (!Number.isInteger(n) || n < 1 || n > MAX_REPEAT) throw new UsageError(T ? T.repeatRange(MAX_REPEAT, v) : `--repeat must be a whole number of calls from 1 to ${MAX_REPEAT} (got "${v}").`);
      repeat = n;
    } else {
      if (!Number.isFinite(n) || n < 0 || n > 60) throw new UsageError(T ? T.pauseRange(v) : `--pause must be a number of seconds from 0 to 60 (got "${v}").`);
      pauseS = n;
    }
  }
  return { repeat: /** @type {number} */ (repeat), pauseS, rest };
}

/** Runs the repeated test call. Returns the exit code. */
export async function repeatMain(argv, io, { sleep = (ms) => new Promise((r) => setTimeout(r, ms)) } = {}) {
  let rep;
  let opts;
  try {
    rep = parseRepeatArgs(argv);
    opts = parseRunArgs(rep.rest);
    if (opts.help) {
      io.stdout.write(repeatUsage() + '\n');
      return EXIT.pass;
    }
    if (opts.run.checks && opts.run.checks.some((c) => c !== 'media')) throw new UsageError(T ? T.repeatWithoutChecks : '--repeat runs the test call (the media check) only: leave out --checks.');
  } catch (e) {
    io.stderr.write(`ccp-preflight run: ${e instanceof Error ? e.message : String(e)}\n${seeHelp()}\n`);
    return EXIT.usage;
  }
  if (!existsSync(join(ROOT, 'dist', 'index.js'))) {
    io.stderr.write(`ccp-preflight run: ${notBuilt('dist/index.js')}\n`);
    return EXIT.usage;
  }
  // The summary in the --lang language, else LC_ALL/LC_MESSAGES/LANG (as a single run); the JSON stays English.
  const { setLocale, localeFromEnv, repeatTexts: t } = await import('ccp-preflight/report');
  if (!t) {
    io.stderr.write(`ccp-preflight run: ${T ? T.olderBuild('repeatTexts') : 'the package build is older than this CLI (no repeatTexts in dist). Run "npm run build" first.'}\n`);
    return EXIT.usage;
  }
  // (--json: English, as before the CLI spoke the reader's language for its usage texts.)
  await setLocale(opts.json ? 'en' : (opts.lang ?? localeFromEnv(process.env) ?? 'en'));
  let session;
  try {
    session = await openTestPage(opts, io);
  } catch (e) {
    io.stderr.write(`ccp-preflight run: ${e instanceof Error ? e.message : String(e)}\n`);
    return e instanceof BrowserLaunchError ? EXIT.usage : EXIT.fail;
  }
  const { page } = session;
  try {
    const run = { ...opts.run, checks: ['media'] };
    const callLimitMs = ((run.durationS ?? 6) + CALL_OVERHEAD_S) * 1000;
    const calls = [];
    for (let i = 0; i < rep.repeat; i++) {
      if (i > 0 && rep.pauseS > 0) await sleep(rep.pauseS * 1000);
      let timer;
      let report = null;
      let runError;
      try {
        report = await Promise.race([
          page.evaluate(async (r) => {
            // In the page (globalThis is its window): one CCP for all calls when --ccp-url is given.
            const w = globalThis;
            const api = w.__ccpPreflight;
            if (r.ccpUrl && !w.__repeatCcp) {
              const { createCcp } = await api.loadCcp();
              w.__repeatCcp = createCcp({ container: w.document.getElementById('ccp'), ccpUrl: r.ccpUrl, ...(r.region ? { region: r.region } : {}), mode: r.ccpMode ?? 'full', loginPopup: false });
              void w.__repeatCcp.start().catch(() => {});
            }
            const rep = await api.runPreflight({ ...r, ...(w.__repeatCcp ? { ccp: w.__repeatCcp } : {}) });
            return JSON.parse(JSON.stringify(rep));
          }, run),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(t.timeout(callLimitMs / 1000))), callLimitMs);
          }),
        ]);
      } catch (e) {
        runError = e instanceof Error ? e.message : String(e);
      } finally {
        clearTimeout(timer);
      }
      const call = callFromReport(report, runError, t);
      calls.push(call);
      if (!opts.json) io.stderr.write(`${call.ok ? t.progressMeasured(i + 1, rep.repeat, t.number(call.rttMs, 0), t.number(call.lossPct ?? 0, 1)) : t.progressFailed(i + 1, rep.repeat, call.reason ?? '')}\n`);
    }
    const summary = summarizeCalls(calls);
    io.stdout.write(opts.json ? JSON.stringify({ ...summary, pauseS: rep.pauseS, results: calls }, null, 2) + '\n' : formatRepeat(summary, t));
    return summary.verdict === 'fail' ? EXIT.fail : summary.verdict === 'warn' ? EXIT.warn : EXIT.pass;
  } catch (e) {
    io.stderr.write(`ccp-preflight run: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.fail;
  } finally {
    await session.close();
  }
}
