// `ccp-preflight run`: the same checks as the widget, in headless Debian Chromium or Firefox ESR, from the built package.
import { parseArgs } from 'node:util';
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { CHROMIUM_PATH, FIREFOX_PATH, BROWSERS, BrowserLaunchError } from './browser-launch.mjs';
import { openTestPage } from './session.mjs';
import { CLI_LANGS, T, parseLang, speakLanguageOf, useLanguage } from './lang.mjs';

const ROOT = normalize(join(dirname(fileURLToPath(import.meta.url)), '..'));
/** The check ids, from the built package (the one list: CHECK_IDS in src/report/schema.ts); null before a build. */
const CHECK_IDS = await import('ccp-preflight/report').then((m) => m.CHECK_IDS, () => null);
const NOT_BUILT = 'The ccp-preflight package is not built (dist/ is missing): run `npm run build` first.';
/** After a usage error: where the options are explained. */
export const seeHelp = () => (T ? T.seeHelp('run') : 'Run "ccp-preflight run --help" for the options.');
/** A part of the build is missing (`file`), in the active language when the package's texts are there. */
export const notBuilt = (file) => (T ? T.notBuilt(file) : `the package is not built (${file} is missing). Run "npm run build" first.`);
export const EXIT = { pass: 0, warn: 1, fail: 2, usage: 3, partial: 4 };
export { CLI_LANGS };
/** Checks the headless CLI runs on its own machine (its browser, CPU, fake microphone): shown, not judged. */
export const CLI_MACHINE_CHECKS = ['browser', 'workstation', 'devices'];
const DEFAULT_CHROMIUM = CHROMIUM_PATH;

/** The help before a build (the built package's cliTexts.runHelp() says the same in English, in the reader's language). */
export const RUN_USAGE = `Usage: ccp-preflight run [options]

Runs the softphone checks in headless Chromium or Firefox and prints the report.

Options:
  --ice-servers JSON    RTCIceServer[] for the network checks, e.g.
                        '[{"urls":"turn:turn.example.com:3478?transport=udp","username":"u","credential":"p"}]'
  --local-turn          Start a local coturn on 127.0.0.1 and test against it (needs Debian's coturn)
  --checks LIST         Checks to run, comma-separated (default: all):
                        ${CHECK_IDS ? CHECK_IDS.join(',') : '(build the package first: npm run build)'}
  --duration SECONDS    Media test length, an upper bound (2-60, default 6)
  --ccp-url URL         Your instance's CCP URL (https://ALIAS.my.connect.aws/ccp-v2); tests through the CCP
  --ccp-mode MODE       full | media-less (default full when --ccp-url is given)
  --region REGION       Amazon Connect Region of the instance, e.g. us-east-1
  --ip-ranges FILE      AWS ip-ranges.json: the report says whether the relay used is in AMAZON_CONNECT ranges
  --redact              Mask identity, public IPs and phone digits in the report
  --json                Print the Report JSON on stdout (a human summary otherwise)
  --lang LANG           Language of the summary: en, es, fr, de, pt-BR, ja (default: from LC_ALL,
                        LC_MESSAGES or LANG, else English); the JSON report is the same in every language
  --browser NAME        chromium | firefox: the browser the checks run in (default chromium); the same
                        checks and the same report in both (Firefox: Debian's firefox-esr)
  --chromium PATH       Chromium executable (default ${DEFAULT_CHROMIUM})
  --firefox PATH        Firefox executable (default ${FIREFOX_PATH})
  --timeout SECONDS     Give up on the whole run after this long (default 120)
  --repeat N            Run the test call N times and report the error rate and spread (--pause SECONDS
                        between calls, default 2): the networking guide's 200-call test of a proxy change
  -h, --help            This help

The browser, workstation and devices checks describe the machine that runs this command (its headless
browser and fake microphone), not an agent's computer: they are shown and do not set the verdict.

Exit codes: 0 pass, 1 warn (or nothing could be checked), 2 fail, 3 usage or set-up error,
4 partial: the checks that ran passed, but they cover only part of the softphone (a --checks subset, or no
test call because no TURN server was given or the CCP handed out none).`;

/** The help in the active language of the built package (src/i18n/cli-texts.ts), else in English. */
export function runUsage() {
  return T && CHECK_IDS ? T.runHelp({ checkIds: CHECK_IDS, langs: CLI_LANGS, chromium: DEFAULT_CHROMIUM, firefox: FIREFOX_PATH }) : RUN_USAGE;
}

class UsageError extends Error {}

/**
 * A usage error in the active language (src/i18n/cli-texts.ts): `say(t)` gives its text. Before a build there are
 * no texts and nothing can run: the error says to build first.
 * @param {(t: NonNullable<typeof T>) => string} say
 */
const usageError = (say) => new UsageError(T ? say(T) : NOT_BUILT);

/**
 * node:util parseArgs' error in the active language: an unknown option, a missing or needless value, an argument
 * that is not an option (Node's own English message for anything else).
 * @param {unknown} e
 */
function parseArgsError(e) {
  const message = e instanceof Error ? e.message.replace(/\. To specify.*$/s, '.') : String(e);
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  const option = quoted.replace(/^-\w, /, '').replace(/ <value>$/, '');
  const code = /** @type {{ code?: string }} */ (e)?.code;
  if (!T || !quoted) return new UsageError(message);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(T.unknownOption(option));
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return new UsageError(/argument missing/.test(message) ? T.needsValue(option) : T.takesNoValue(option));
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return new UsageError(T.unexpectedArgument(quoted));
  return new UsageError(message);
}

/** Parses and validates argv; throws UsageError with a clear message (in the active language). */
export function parseRunArgs(argv) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        'ice-servers': { type: 'string' },
        'local-turn': { type: 'boolean' },
        checks: { type: 'string' },
        duration: { type: 'string' },
        'ccp-url': { type: 'string' },
        'ccp-mode': { type: 'string' },
        region: { type: 'string' },
        'ip-ranges': { type: 'string' },
        redact: { type: 'boolean' },
        json: { type: 'boolean' },
        lang: { type: 'string' },
        chromium: { type: 'string' },
        browser: { type: 'string' },
        firefox: { type: 'string' },
        timeout: { type: 'string' },
        verbose: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    throw parseArgsError(e);
  }
  if (values.help) return { help: true };
  const browserName = (values.browser ?? 'chromium').toLowerCase();
  if (!/** @type {readonly string[]} */ (BROWSERS).includes(browserName)) throw usageError((t) => t.browserOneOf(BROWSERS, String(values.browser)));
  if (values.firefox !== undefined && browserName !== 'firefox') throw usageError((t) => t.firefoxNeedsBrowser);
  if (values.chromium !== undefined && browserName !== 'chromium') throw usageError((t) => t.chromiumIsForChromium);
  const opts = { json: !!values.json, browser: browserName, firefox: values.firefox ?? FIREFOX_PATH, chromium: values.chromium ?? DEFAULT_CHROMIUM, localTurn: !!values['local-turn'], redact: !!values.redact, verbose: !!values.verbose, run: {} };
  if (values['ice-servers'] !== undefined) {
    let servers;
    try {
      servers = JSON.parse(values['ice-servers']);
    } catch (e) {
      throw usageError((t) => t.iceServersNotJson(e.message));
    }
    if (!Array.isArray(servers)) servers = [servers];
    servers.forEach((s, i) => {
      const urls = s && typeof s === 'object' ? s.urls : undefined;
      const list = typeof urls === 'string' ? [urls] : Array.isArray(urls) ? urls : null;
      if (!list || !list.length || !list.every((u) => typeof u === 'string')) throw usageError((t) => t.iceServersNeedUrls(i));
      for (const u of list) if (!/^(stun|stuns|turn|turns):/i.test(u)) throw usageError((t) => t.iceServersBadUrl(i, u));
      if (list.some((u) => /^turns?:/i.test(u)) && (typeof s.username !== 'string' || typeof s.credential !== 'string')) {
        throw usageError((t) => t.iceServersNeedCredentials(i));
      }
    });
    opts.run.iceServers = servers;
  }
  if (values.checks !== undefined) {
    if (!CHECK_IDS) throw new UsageError(NOT_BUILT);
    const ids = values.checks.split(/[\s,]+/).filter(Boolean);
    if (!ids.length) throw usageError((t) => t.checksEmpty(CHECK_IDS));
    for (const id of ids) if (!/** @type {readonly string[]} */ (CHECK_IDS).includes(id)) throw usageError((t) => t.checksUnknown(id, CHECK_IDS));
    opts.run.checks = ids;
  }
  if (values.duration !== undefined) {
    const d = Number(values.duration);
    if (!Number.isFinite(d) || d < 2 || d > 60) throw usageError((t) => t.durationRange(String(values.duration)));
    opts.run.durationS = d;
  }
  if (values.timeout !== undefined) {
    const t = Number(values.timeout);
    if (!Number.isFinite(t) || t < 5 || t > 3600) throw usageError((t) => t.timeoutRange(String(values.timeout)));
    opts.timeoutS = t;
  } else opts.timeoutS = 120;
  if (values['ccp-url'] !== undefined) {
    let u;
    try {
      u = new URL(values['ccp-url']);
    } catch {
      throw usageError((t) => t.ccpUrlNotUrl(String(values['ccp-url'])));
    }
    if (u.protocol !== 'https:' && !(u.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname))) {
      throw usageError((t) => t.ccpUrlNotHttps(String(values['ccp-url'])));
    }
    opts.run.ccpUrl = u.href;
  }
  if (values['ccp-mode'] !== undefined) {
    if (!['full', 'media-less'].includes(values['ccp-mode'])) throw usageError((t) => t.ccpModeChoice(String(values['ccp-mode'])));
    if (!opts.run.ccpUrl) throw usageError((t) => t.ccpModeNeedsUrl);
    opts.run.ccpMode = values['ccp-mode'];
  } else if (opts.run.ccpUrl) opts.run.ccpMode = 'full';
  if (values.region !== undefined) {
    if (!/^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(values.region)) throw usageError((t) => t.regionBad(String(values.region)));
    opts.run.region = values.region;
  }
  if (values['ip-ranges'] !== undefined) {
    let text;
    try {
      text = readFileSync(values['ip-ranges'], 'utf8');
    } catch (e) {
      throw usageError((t) => t.ipRangesUnreadable(String(values['ip-ranges']), e.code ?? e.message));
    }
    let ranges;
    try {
      ranges = JSON.parse(text);
    } catch (e) {
      throw usageError((t) => t.ipRangesNotJson(String(values['ip-ranges']), e.message));
    }
    if (!ranges || !Array.isArray(ranges.prefixes)) throw usageError((t) => t.ipRangesNoPrefixes(String(values['ip-ranges'])));
    opts.run.ipRanges = ranges;
  }
  if (opts.localTurn && opts.run.iceServers) throw usageError((t) => t.localTurnOrIceServers);
  if (values.lang !== undefined) {
    const l = parseLang(values.lang);
    if ('error' in l) throw new UsageError(l.error);
    opts.lang = l.lang;
  }
  return opts;
}

const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.html': 'text/html', '.map': 'application/json', '.json': 'application/json' };

/** Serves dist/ and cli/page.html on 127.0.0.1 (a secure context for getUserMedia). */
export function startStaticServer() {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(ROOT, path));
    const allowed = (file.startsWith(join(ROOT, 'dist') + sep) || file === join(ROOT, 'cli', 'page.html')) && existsSync(file) && statSync(file).isFile();
    if (!allowed) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

/**
 * The report as terminal text, by the package's DOM-free renderer (ccp-preflight/report: renderReportText):
 * wrapped to the terminal's width, coloured on a TTY unless NO_COLOR is set.
 */
export async function formatForTerminal(report, stream, env = process.env, lang = undefined) {
  const pkg = await import('ccp-preflight/report');
  const { renderReportText, shouldUseColor } = pkg;
  await useLanguage(pkg, lang, env);
  return renderReportText(report, { width: stream.columns || 80, color: shouldUseColor(stream, env) });
}

/** The exit code of a report's verdict; a pass that covers only part of the softphone (`partial`) is not 0. */
export function exitCodeFor(verdict, partial = false) {
  if (verdict === 'pass') return partial ? EXIT.partial : EXIT.pass;
  if (verdict === 'fail') return EXIT.fail;
  return EXIT.warn; // warn, or skip: nothing could be verified
}

/** The `run` command. Returns the exit code. */
export async function runMain(argv, io) {
  await speakLanguageOf(argv, process.env);
  if (argv.some((a) => /^--repeat(=|$)/.test(a))) return (await import('./repeat.mjs')).repeatMain(argv, io);
  let opts;
  try {
    opts = parseRunArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`ccp-preflight run: ${e.message}\n${seeHelp()}\n`);
      return EXIT.usage;
    }
    throw e;
  }
  if (opts.help) {
    io.stdout.write(runUsage() + '\n');
    return EXIT.pass;
  }
  if (!existsSync(join(ROOT, 'dist', 'index.js'))) {
    io.stderr.write(`ccp-preflight run: ${notBuilt('dist/index.js')}\n`);
    return EXIT.usage;
  }
  // Progress and the early verdict line in the summary's language (the same texts as the widget's).
  const texts = await import('ccp-preflight/report');
  await useLanguage(texts, opts.lang, process.env);
  // Fast when things are wrong: the verdict is the worst check, so the first failing check settles it; say so
  // at once (the other checks go on, for IT) instead of only at the end.
  const started = Date.now();
  let session;
  try {
    session = await openTestPage(opts, io, async (page) => {
      if (opts.verbose) page.on('console', (m) => io.stderr.write(`[page] ${m.text()}\n`));
      let lastPhrase = '';
      await page.exposeFunction('__cliProgress', (p) => {
        const phrase = texts.progressPhrase(p);
        if (opts.json || !phrase || phrase === lastPhrase) return;
        lastPhrase = phrase;
        if (io.stderr.isTTY) io.stderr.write(`\r\x1b[K[${String(Math.round(p.fraction * 100)).padStart(3)} %] ${phrase}`);
        else io.stderr.write(`[${String(Math.round(p.fraction * 100)).padStart(3)} %] ${phrase}\n`);
      });
      let toldFail = false;
      await page.exposeFunction('__cliFailed', (id, title) => {
        if (opts.json || toldFail) return;
        toldFail = true;
        const seconds = new Intl.NumberFormat(texts.getLocale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format((Date.now() - started) / 1000);
        io.stderr.write(`${io.stderr.isTTY ? '\r\x1b[K' : ''}${texts.earlyFailLine(texts.checkTitle({ id, title }), seconds)}\n`);
      });
    });
  } catch (e) {
    io.stderr.write(`ccp-preflight run: ${e instanceof Error ? e.message : String(e)}\n`);
    return e instanceof BrowserLaunchError ? EXIT.usage : EXIT.fail;
  }
  const { page } = session;
  try {
    const evaluation = page.evaluate(async ({ run, redact, cliMachine }) => {
      const api = window.__ccpPreflight;
      let ccp;
      if (run.ccpUrl) {
        // Headless: no login pop-up; a CCP that needs a login is reported as such by the ccp check.
        const { createCcp } = await api.loadCcp();
        ccp = createCcp({ container: /** @type {HTMLElement} */ (document.getElementById('ccp')), ccpUrl: run.ccpUrl, ...(run.region ? { region: run.region } : {}), mode: run.ccpMode ?? 'full', loginPopup: false });
        void ccp.start().catch(() => {});
      }
      try {
        // The runner adds the CCP's part (calls, failovers) to the report itself.
        let report = await api.runPreflight({ ...run, ...(ccp ? { ccp } : {}), describesRunner: cliMachine, onProgress: (p) => window.__cliProgress({ fraction: p.fraction, phrase: p.phrase, checkId: p.checkId }), onCheck: (r) => {
          if (r.verdict === 'fail' && !r.describesRunner) void window.__cliFailed(r.id, r.title);
        } });
        if (redact) {
          const builtReport = '/dist/report.js'; // a URL of the CLI's local page server
          const { redactReport } = await import(builtReport);
          report = redactReport(report);
        }
        return JSON.parse(JSON.stringify(report));
      } finally {
        ccp?.destroy?.();
      }
    }, { run: opts.run, redact: opts.redact, cliMachine: CLI_MACHINE_CHECKS });
    let timer;
    const overall = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(T ? T.runTimedOut(opts.timeoutS) : `the run did not finish within ${opts.timeoutS} s.`)), opts.timeoutS * 1000);
    });
    let report;
    try {
      report = await Promise.race([evaluation, overall]);
    } finally {
      clearTimeout(timer);
    }
    if (!opts.json && io.stderr.isTTY) io.stderr.write('\r\x1b[K');
    io.stdout.write(opts.json ? JSON.stringify(report, null, 2) + '\n' : await formatForTerminal(report, io.stdout, process.env, opts.lang));
    return exitCodeFor(report.verdict, report.partial === true);
  } catch (e) {
    io.stderr.write(`ccp-preflight run: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.fail;
  } finally {
    await session.close();
  }
}
