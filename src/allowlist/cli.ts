/**
 * `ccp-preflight allowlist --region us-east-1 [--instance ALIAS | --ccp-url URL] [--option domains|ip-ranges|both]
 *  [--ip-ranges FILE|URL] [--previous FILE|URL [--check]] [--format table|csv|json] [--no-stateless] [--timeout SECONDS]
 *  [--lang LANG]`
 *
 * The logic of the CLI sub-command, free of Node APIs: cli/allowlist.mjs passes `readFile`, `fetch` and the
 * clock. Exit codes: 0 printed; with --check 0 nothing due, 1 the safe date is near, 2 overdue; 3 bad input or
 * usage (the project's CLI convention), with one clear message on stderr saying what happened and what to do.
 * The table and the messages are in the active language (src/i18n/allowlist-texts.ts; cli/allowlist.mjs reads
 * --lang, else LC_ALL / LC_MESSAGES / LANG, and takes --lang out of argv); CSV and JSON stay English.
 */
import { AllowlistInputError, generateAllowlist } from './generate.js';
import { DiffOrderError } from './diff.js';
import { FORMATS, formatAllowlist, warningTexts, type AllowlistFormat } from './format.js';
import { UnknownRegionError } from './rules.js';
import { checkExitCode, DEADLINE_NEAR_DAYS } from './deadlines.js';
import { InstanceInputError } from './domains.js';
import { OPTIONS, type AllowlistOption } from './notes.js';
import { IP_RANGES_URL, NETWORKING_PAGE_URL } from './sources.js';
import { deadlineText } from './deadlines.js';
import { allowlistTexts as t } from '../i18n/allowlist-texts.js';
import { LOCALES } from '../i18n/locale.js';

export interface AllowlistIo {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  /** Reads a UTF-8 file (Node: fs.promises.readFile(path, 'utf8')). */
  readFile?: (path: string) => Promise<string>;
  /** fetch for URL inputs (Node 20 has a global fetch). */
  fetch?: typeof fetch;
  /** Today, for the deadlines (default: the real clock). Tests inject a fixed day. */
  now?: () => Date;
}

export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 3;
/** Default time to fetch a URL input. */
export const DEFAULT_FETCH_TIMEOUT_S = 20;
/** The real ip-ranges.json is a few MB; refuse anything absurdly larger. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export const USAGE = `Usage: ccp-preflight allowlist --region REGION --instance ALIAS --ip-ranges FILE|URL [options]

Prints what a proxy or firewall must allow for Amazon Connect CCP softphones of one instance, following
both options of the Amazon Connect guide "Set up your network to use the Amazon Connect Contact Control
Panel (CCP)" (${NETWORKING_PAGE_URL}):
  Option 1 (recommended): domains and paths on TCP 443 (the instance's ALIAS.my.connect.aws and
    ALIAS.awsapps.com/connect forms, their web content, the Region's signaling hosts) and TURN relays on
    UDP 3478, plus the AMAZON_CONNECT ranges for call audio, which only IP ranges express;
  Option 2: IP ranges from AWS ip-ranges.json (https://ip-ranges.amazonaws.com/ip-ranges.json): the
    Region's AMAZON_CONNECT (and GLOBAL) UDP 3478 and TCP 443, the Region's EC2 TCP 443, every CLOUDFRONT
    range TCP 443; UDP 49152-65535 inbound from AMAZON_CONNECT for stateless firewalls. IPv4 and IPv6.

Options:
  --region REGION         Amazon Connect Region of the instance, e.g. us-east-1 (required)
  --instance ALIAS        the instance alias (acme of https://acme.my.connect.aws/ccp-v2)
  --ccp-url URL           or the instance's CCP URL (either address form)
  --option domains|ip-ranges|both   which options to print (default both, domains first)
  --ip-ranges FILE|URL    ip-ranges.json to read (required unless --option domains)
  --previous FILE|URL     an older ip-ranges.json: list what was added since, and by when to allow it
  --check                 with --previous, for a scheduled job: print only where today stands and exit
                          0 nothing due, 1 the safe date is less than ${DEADLINE_NEAR_DAYS} days away, 2 overdue (added
                          ranges not in --previous, i.e. not yet allowed, and the safe date has passed)
  --format table|csv|json output format (default table)
  --no-stateless          leave out the stateless-firewall ephemeral rule
  --timeout SECONDS       time limit for a URL download (default ${DEFAULT_FETCH_TIMEOUT_S})
  --lang LANG             language of the table and the messages: ${LOCALES.join(', ')} (default: from
                          LC_ALL, LC_MESSAGES or LANG, else English); CSV and JSON are the same in every language
  -h, --help              this text

Exit codes: 0 printed; with --check 0/1/2 as above; 3 bad input or usage (message on stderr).
`;

class UsageError extends Error {}

interface Args {
  region?: string;
  instance?: string;
  ccpUrl?: string;
  option: AllowlistOption;
  check: boolean;
  ipRanges?: string;
  previous?: string;
  format: AllowlistFormat;
  stateless: boolean;
  timeoutS: number;
  help: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const a: Args = { option: 'both', check: false, format: 'table', stateless: true, timeoutS: DEFAULT_FETCH_TIMEOUT_S, help: false };
  const rest = [...argv];
  if (rest[0] === 'allowlist') rest.shift();
  while (rest.length) {
    let arg = rest.shift()!;
    let inline: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      inline = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const value = (): string => {
      const v = inline ?? rest.shift();
      if (v === undefined || v === '' || (inline === undefined && v.startsWith('--'))) throw new UsageError(t.needsValue(arg));
      return v;
    };
    switch (arg) {
      case '-h':
      case '--help':
        a.help = true;
        break;
      case '--region':
        a.region = value();
        break;
      case '--instance':
        a.instance = value();
        break;
      case '--ccp-url':
        a.ccpUrl = value();
        break;
      case '--option': {
        const o = value();
        if (!(OPTIONS as readonly string[]).includes(o)) throw new UsageError(t.unknownChoice('--option', o, OPTIONS.join(', ')));
        a.option = o as AllowlistOption;
        break;
      }
      case '--check':
        a.check = true;
        break;
      case '--ip-ranges':
        a.ipRanges = value();
        break;
      case '--previous':
        a.previous = value();
        break;
      case '--format': {
        const f = value();
        if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(t.unknownChoice('--format', f, FORMATS.join(', ')));
        a.format = f as AllowlistFormat;
        break;
      }
      case '--no-stateless':
        a.stateless = false;
        break;
      case '--timeout': {
        const v = value();
        const n = Number(v);
        if (!Number.isFinite(n) || n <= 0 || n > 600) throw new UsageError(t.badTimeout(v));
        a.timeoutS = n;
        break;
      }
      default:
        throw new UsageError(t.unknownArgument(arg));
    }
  }
  if (!a.help) {
    if (!a.region) throw new UsageError(t.regionRequired);
    if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(a.region)) throw new UsageError(t.notARegion(a.region));
    if (!a.ipRanges && a.option !== 'domains') throw new UsageError(t.ipRangesRequired(IP_RANGES_URL));
    if (a.instance && a.ccpUrl) throw new UsageError(t.instanceOrUrl);
    if (a.check && !a.previous) throw new UsageError(t.checkNeedsPrevious);
    if (a.check && !a.ipRanges) throw new UsageError(t.checkNeedsIpRanges);
  }
  return a;
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

async function readSource(src: string, label: string, io: AllowlistIo, timeoutS: number): Promise<string> {
  if (isUrl(src)) {
    const f = io.fetch ?? globalThis.fetch;
    if (!f) throw new AllowlistInputError(`${label} ${src}: ${t.noFetch()}`);
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), timeoutS * 1000);
    try {
      let res: Response;
      try {
        res = await f(src, { signal: ctl.signal, redirect: 'follow' });
      } catch (e) {
        if (ctl.signal.aborted) throw new AllowlistInputError(`${label} ${src}: ${t.fetchTimeout(timeoutS)}`);
        throw new AllowlistInputError(`${label} ${src}: ${t.unreachable(e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e))}`);
      }
      if (!res.ok) throw new AllowlistInputError(`${label} ${src}: ${t.httpStatus(res.status, IP_RANGES_URL)}`);
      const len = Number(res.headers.get('content-length') ?? '0');
      if (len > MAX_INPUT_BYTES) throw new AllowlistInputError(`${label} ${src}: ${t.tooLargeBytes(len, MAX_INPUT_BYTES)}`);
      try {
        const text = await res.text();
        if (text.length > MAX_INPUT_BYTES) throw new AllowlistInputError(`${label} ${src}: ${t.tooLarge(MAX_INPUT_BYTES)}`);
        return text;
      } catch (e) {
        if (e instanceof AllowlistInputError) throw e;
        throw new AllowlistInputError(`${label} ${src}: ${t.brokeOff(ctl.signal.aborted ? timeoutS : undefined)}`);
      }
    } finally {
      clearTimeout(timer);
    }
  }
  if (!io.readFile) throw new AllowlistInputError(`${label} ${src}: ${t.noFiles}`);
  try {
    return await io.readFile(src);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new AllowlistInputError(`${label} ${src}: ${t.cannotRead(code, e instanceof Error ? e.message : String(e))}`);
  }
}

function parseJson(text: string, label: string, src: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new AllowlistInputError(`${label} ${src}: ${t.notJson(e instanceof Error ? e.message : String(e), IP_RANGES_URL)}`);
  }
}

/** Runs the allowlist sub-command; resolves to the exit code. Never throws. */
export async function allowlistMain(argv: readonly string[], io: AllowlistIo): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    io.stderr.write(`ccp-preflight allowlist: ${t.usageHint(e instanceof Error ? e.message : String(e))}\n`);
    return EXIT_BAD_INPUT;
  }
  if (args.help) {
    io.stdout.write(USAGE);
    return EXIT_OK;
  }
  try {
    const current = args.ipRanges ? parseJson(await readSource(args.ipRanges, '--ip-ranges', io, args.timeoutS), '--ip-ranges', args.ipRanges) : undefined;
    const previous = args.previous ? parseJson(await readSource(args.previous, '--previous', io, args.timeoutS), '--previous', args.previous) : undefined;
    let list;
    try {
      list = generateAllowlist(current, args.region!, {
        stateless: args.stateless,
        option: args.option,
        now: (io.now ?? (() => new Date()))(),
        ...(args.instance !== undefined ? { instance: args.instance } : {}),
        ...(args.ccpUrl !== undefined ? { ccpUrl: args.ccpUrl } : {}),
        ...(previous !== undefined ? { previous } : {}),
      });
    } catch (e) {
      if (e instanceof AllowlistInputError) {
        const which = e.input === 'previous' ? `--previous ${args.previous}` : `--ip-ranges ${args.ipRanges}`;
        throw new AllowlistInputError(`${which}: ${e.message.replace(/^(ip-ranges|previous): /, '')}`);
      }
      throw e;
    }
    if (args.check) {
      const status = list.deadline!;
      io.stdout.write(`${t.checkLine(args.region!, deadlineText(status, list.diff!))}\n`);
      return checkExitCode(status);
    }
    // CSV has no comment lines: warnings go to stderr there (the table and JSON carry them).
    if (args.format === 'csv') for (const w of warningTexts(list)) io.stderr.write(`ccp-preflight allowlist: ${t.warningLine(w)}\n`);
    io.stdout.write(formatAllowlist(list, args.format));
    return EXIT_OK;
  } catch (e) {
    if (e instanceof AllowlistInputError || e instanceof UnknownRegionError || e instanceof DiffOrderError || e instanceof InstanceInputError) {
      io.stderr.write(`ccp-preflight allowlist: ${e.message}\n`);
    } else {
      io.stderr.write(`ccp-preflight allowlist: ${t.unexpected(e instanceof Error ? e.message : String(e))}\n`);
    }
    return EXIT_BAD_INPUT;
  }
}
