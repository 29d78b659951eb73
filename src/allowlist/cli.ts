/**
 * `ccp-preflight allowlist --region us-east-1 --ip-ranges FILE|URL [--previous FILE|URL]
 *  [--format table|csv|json] [--no-stateless] [--timeout SECONDS]`
 *
 * The logic of the CLI sub-command, free of Node APIs: cli/allowlist.mjs passes `readFile` and `fetch`.
 * Exit codes: 0 printed; 3 bad input or usage (the project's CLI convention: 3 = usage error), with one
 * clear message on stderr saying what happened and what to do.
 */
import { AllowlistInputError, generateAllowlist } from './generate.js';
import { DiffOrderError } from './diff.js';
import { FORMATS, formatAllowlist, type AllowlistFormat } from './format.js';
import { UnknownRegionError } from './rules.js';

export interface AllowlistIo {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  /** Reads a UTF-8 file (Node: fs.promises.readFile(path, 'utf8')). */
  readFile?: (path: string) => Promise<string>;
  /** fetch for URL inputs (Node 20 has a global fetch). */
  fetch?: typeof fetch;
}

export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 3;
/** Default time to fetch a URL input. */
export const DEFAULT_FETCH_TIMEOUT_S = 20;
/** The real ip-ranges.json is a few MB; refuse anything absurdly larger. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export const USAGE = `Usage: ccp-preflight allowlist --region REGION --ip-ranges FILE|URL [options]

Prints the firewall rules an Amazon Connect CCP softphone needs in REGION, from AWS ip-ranges.json
(https://ip-ranges.amazonaws.com/ip-ranges.json): the Region's AMAZON_CONNECT ranges (and the GLOBAL ones)
for UDP 3478 and TCP 443, the Region's EC2 ranges for TCP 443 (signaling), every CLOUDFRONT range for
TCP 443, and UDP 49152-65535 inbound from AMAZON_CONNECT for stateless firewalls. IPv4 and IPv6.

Options:
  --region REGION         Amazon Connect Region of the instance, e.g. us-east-1 (required)
  --ip-ranges FILE|URL    ip-ranges.json to read (required)
  --previous FILE|URL     an older ip-ranges.json: list what was added since, and by when to allow it
  --format table|csv|json output format (default table)
  --no-stateless          leave out the stateless-firewall ephemeral rule
  --timeout SECONDS       time limit for a URL download (default ${DEFAULT_FETCH_TIMEOUT_S})
  -h, --help              this text

Exit codes: 0 printed; 3 bad input or usage (message on stderr).
`;

class UsageError extends Error {}

interface Args {
  region?: string;
  ipRanges?: string;
  previous?: string;
  format: AllowlistFormat;
  stateless: boolean;
  timeoutS: number;
  help: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const a: Args = { format: 'table', stateless: true, timeoutS: DEFAULT_FETCH_TIMEOUT_S, help: false };
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
      if (v === undefined || v === '' || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${arg} needs a value.`);
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
      case '--ip-ranges':
        a.ipRanges = value();
        break;
      case '--previous':
        a.previous = value();
        break;
      case '--format': {
        const f = value();
        if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`Unknown --format "${f}". Use one of: ${FORMATS.join(', ')}.`);
        a.format = f as AllowlistFormat;
        break;
      }
      case '--no-stateless':
        a.stateless = false;
        break;
      case '--timeout': {
        const v = value();
        const n = Number(v);
        if (!Number.isFinite(n) || n <= 0 || n > 600) throw new UsageError(`--timeout must be a number of seconds between 0 and 600 (got "${v}").`);
        a.timeoutS = n;
        break;
      }
      default:
        throw new UsageError(`Unknown argument "${arg}".`);
    }
  }
  if (!a.help) {
    if (!a.region) throw new UsageError('--region is required (the Region of your Amazon Connect instance, e.g. us-east-1).');
    if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(a.region)) throw new UsageError(`"${a.region}" does not look like an AWS Region name (e.g. us-east-1, eu-central-1).`);
    if (!a.ipRanges) throw new UsageError('--ip-ranges is required: a path to ip-ranges.json or its URL (https://ip-ranges.amazonaws.com/ip-ranges.json).');
  }
  return a;
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

async function readSource(src: string, label: string, io: AllowlistIo, timeoutS: number): Promise<string> {
  if (isUrl(src)) {
    const f = io.fetch ?? globalThis.fetch;
    if (!f) throw new AllowlistInputError(`${label} ${src}: this runtime has no fetch; download the file and pass its path.`);
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), timeoutS * 1000);
    try {
      let res: Response;
      try {
        res = await f(src, { signal: ctl.signal, redirect: 'follow' });
      } catch (e) {
        if (ctl.signal.aborted) throw new AllowlistInputError(`${label} ${src}: no answer within ${timeoutS} s. Check the network or proxy, or download the file and pass its path.`);
        throw new AllowlistInputError(`${label} ${src}: could not be reached (${e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e)}). Check the URL, network or proxy, or download the file and pass its path.`);
      }
      if (!res.ok) throw new AllowlistInputError(`${label} ${src}: the server answered HTTP ${res.status}. Check the URL (the AWS file is https://ip-ranges.amazonaws.com/ip-ranges.json).`);
      const len = Number(res.headers.get('content-length') ?? '0');
      if (len > MAX_INPUT_BYTES) throw new AllowlistInputError(`${label} ${src}: ${len} bytes is too large for an ip-ranges.json (limit ${MAX_INPUT_BYTES}).`);
      try {
        const text = await res.text();
        if (text.length > MAX_INPUT_BYTES) throw new AllowlistInputError(`${label} ${src}: too large for an ip-ranges.json (limit ${MAX_INPUT_BYTES} bytes).`);
        return text;
      } catch (e) {
        if (e instanceof AllowlistInputError) throw e;
        throw new AllowlistInputError(`${label} ${src}: the download broke off${ctl.signal.aborted ? ` after ${timeoutS} s` : ''}. Try again, or download the file and pass its path.`);
      }
    } finally {
      clearTimeout(timer);
    }
  }
  if (!io.readFile) throw new AllowlistInputError(`${label} ${src}: reading files is not available here; pass a URL.`);
  try {
    return await io.readFile(src);
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : e instanceof Error ? e.message : String(e);
    throw new AllowlistInputError(`${label} ${src}: cannot read the file (${why}). Check the path.`);
  }
}

function parseJson(text: string, label: string, src: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new AllowlistInputError(`${label} ${src}: not JSON (${e instanceof Error ? e.message : String(e)}). Pass the ip-ranges.json file itself, e.g. from https://ip-ranges.amazonaws.com/ip-ranges.json.`);
  }
}

/** Runs the allowlist sub-command; resolves to the exit code. Never throws. */
export async function allowlistMain(argv: readonly string[], io: AllowlistIo): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    io.stderr.write(`ccp-preflight allowlist: ${e instanceof Error ? e.message : String(e)}\nRun "ccp-preflight allowlist --help" for usage.\n`);
    return EXIT_BAD_INPUT;
  }
  if (args.help) {
    io.stdout.write(USAGE);
    return EXIT_OK;
  }
  try {
    const current = parseJson(await readSource(args.ipRanges!, '--ip-ranges', io, args.timeoutS), '--ip-ranges', args.ipRanges!);
    const previous = args.previous ? parseJson(await readSource(args.previous, '--previous', io, args.timeoutS), '--previous', args.previous) : undefined;
    let list;
    try {
      list = generateAllowlist(current, args.region!, { stateless: args.stateless, ...(previous !== undefined ? { previous } : {}) });
    } catch (e) {
      if (e instanceof AllowlistInputError) {
        const which = e.message.startsWith('previous:') ? `--previous ${args.previous}` : `--ip-ranges ${args.ipRanges}`;
        throw new AllowlistInputError(`${which}: ${e.message.replace(/^(ip-ranges|previous): /, '')}`);
      }
      throw e;
    }
    // CSV has no comment lines: warnings go to stderr there (the table and JSON carry them).
    if (args.format === 'csv') for (const w of list.warnings ?? []) io.stderr.write(`ccp-preflight allowlist: warning: ${w}\n`);
    io.stdout.write(formatAllowlist(list, args.format));
    return EXIT_OK;
  } catch (e) {
    if (e instanceof AllowlistInputError || e instanceof UnknownRegionError || e instanceof DiffOrderError) {
      io.stderr.write(`ccp-preflight allowlist: ${e.message}\n`);
    } else {
      io.stderr.write(`ccp-preflight allowlist: unexpected error: ${e instanceof Error ? e.message : String(e)}\n`);
    }
    return EXIT_BAD_INPUT;
  }
}
