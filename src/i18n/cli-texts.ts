/**
 * The command line's own words in the active language: the `--help` texts of `ccp-preflight`, `run`,
 * `run --repeat`, `log` and `allowlist`, and the usage and set-up errors (an unknown command, a bad option value,
 * a file that cannot be read, a package that is not built). The CLI (cli/*.mjs) reads them through the built
 * package (ccp-preflight/report: `cliTexts`) after setLocale(--lang, else LC_ALL / LC_MESSAGES / LANG), as it
 * reads the summaries; before a build it prints its own English copies of the help texts (cli/*.mjs), which
 * say the same as these do in English (test/e2e/cli-help-i18n.test.ts compares them).
 *
 * Kept as they are in every language: command names, option names, exit codes, check ids, file names,
 * environment variables and examples. Option tables are laid out here: the description column starts after the
 * widest option (in terminal columns: a Japanese character takes two), and a line wider than the widest line of
 * the English help ({@link HELP_WIDTH}) wraps under its column. Line breaks inside a text are the translator's.
 *
 * Only the CLI reads this module (through src/report/index.ts); the widget never imports it.
 */
import { msg, str } from '@lit/localize';
import { columns, wrap } from '../report/text.js';

/** The widest line of the English help texts (113 columns, the allowlist's): no translated line is wider. */
export const HELP_WIDTH = 113;

/** One row of an option table: the option as typed, its description (lines split at `\n`), `loose` when the option is wider than the column on purpose. */
export interface OptionRow {
  option: string;
  text: string;
  loose?: boolean;
}

/** Stands in for a no-break space while wrapping (wrap() breaks at every white space; "2 %", "fichier :" stay whole). */
const KEEP = '\uE000';

/** A line of at most HELP_WIDTH columns, else wrapped after `first` with the following lines after `hang`. */
function fit(text: string, first: string, hang: string): string[] {
  const line = first + text;
  if (columns(line) <= HELP_WIDTH) return [line];
  return wrap(text.replace(/\u00a0/g, KEEP), HELP_WIDTH, first, hang).map((l) => l.replace(/\uE000/g, '\u00a0'));
}

/** A paragraph (the translator's lines), the first line after `indent`, the others after `hang`, each fitted to HELP_WIDTH. */
export function para(text: string, indent = '', hang = indent): string {
  return text
    .split('\n')
    .flatMap((l, i) => fit(l, i ? hang : indent, hang))
    .join('\n');
}

/**
 * An option table: two spaces, the option, then its description from a column at least `minColumn` wide and at
 * least one space after the widest option (a `loose` row's option may pass the column: its text follows after
 * three spaces); the description's further lines start at the column.
 */
export function optionTable(rows: readonly OptionRow[], minColumn: number): string {
  const column = Math.max(minColumn, ...rows.filter((r) => !r.loose).map((r) => 2 + columns(r.option) + 1));
  const hang = ' '.repeat(column);
  return rows
    .flatMap((r) => {
      const head = `  ${r.option}`;
      const gap = columns(head) < column ? ' '.repeat(column - columns(head)) : '   ';
      const [first = '', ...more] = r.text.split('\n');
      return [...fit(first, head + gap, hang), ...more.flatMap((l) => fit(l, hang, hang))];
    })
    .join('\n');
}

/** Facts the run help names (the CLI's defaults and the package's check ids). */
export interface RunHelpFacts {
  checkIds: readonly string[];
  langs: readonly string[];
  chromium: string;
  firefox: string;
}

/** Facts the allowlist help names (src/allowlist: its guide, its deadline and download defaults). */
export interface AllowlistHelpFacts {
  networkingUrl: string;
  nearDays: number;
  timeoutS: number;
  langs: readonly string[];
}

export const cliTexts = {
  /** Placeholder words of the synopses and option tables (what to type there). */
  get words(): { command: string; options: string; seconds: string; list: string; mode: string; region: string; file: string; name: string; path: string } {
    return {
      command: `<${msg('command')}>`,
      options: `[${msg('options')}]`,
      seconds: msg('SECONDS'),
      list: msg('LIST'),
      mode: msg('MODE'),
      region: msg('REGION'),
      file: msg('FILE'),
      name: msg('NAME'),
      path: msg('PATH'),
    };
  },

  /** "Usage: ccp-preflight run [options]". */
  usage(synopsis: string): string {
    return msg(str`Usage: ${synopsis}`);
  },

  /** `ccp-preflight --help`: the commands and the exit codes. */
  mainHelp(): string {
    const w = cliTexts.words;
    return [
      cliTexts.usage(`ccp-preflight ${w.command} ${w.options}`),
      '',
      msg('Commands:'),
      optionTable(
        [
          { option: 'run', text: msg('Run the softphone checks in headless Chromium or Firefox and print the report') },
          { option: 'allowlist', text: msg('Print the network allowlist (domains and IP ranges) for an Amazon Connect instance and Region') },
          { option: 'log', text: msg("Read a CCP log (agent-log.txt): each call's quality, the softphone errors, the timeline") },
          { option: 'serve', text: msg("Run the fleet collector: agents' widgets post reports, supervisors see the fleet") },
        ],
        14,
      ),
      '',
      para(msg(str`Run "ccp-preflight ${w.command} --help" for the command's options.`)),
      para(msg('Exit codes: 0 pass, 1 warn, 2 fail, 3 usage or set-up error.')),
    ].join('\n');
  },

  /** `ccp-preflight run --help`. */
  runHelp(f: RunHelpFacts): string {
    const w = cliTexts.words;
    return [
      cliTexts.usage(`ccp-preflight run ${w.options}`),
      '',
      para(msg('Runs the softphone checks in headless Chromium or Firefox and prints the report.')),
      '',
      msg('Options:'),
      optionTable(
        [
          { option: '--ice-servers JSON', text: msg('RTCIceServer[] for the network checks, e.g.') + `\n'[{"urls":"turn:turn.example.com:3478?transport=udp","username":"u","credential":"p"}]'` },
          { option: '--local-turn', text: msg("Start a local coturn on 127.0.0.1 and test against it (needs Debian's coturn)") },
          { option: `--checks ${w.list}`, text: msg('Checks to run, comma-separated (default: all):') + '\n' + f.checkIds.join(',') },
          { option: `--duration ${w.seconds}`, text: msg('Media test length, an upper bound (2-60, default 6)') },
          { option: '--ccp-url URL', text: msg("Your instance's CCP URL (https://ALIAS.my.connect.aws/ccp-v2); tests through the CCP") },
          { option: `--ccp-mode ${w.mode}`, text: msg('full | media-less (default full when --ccp-url is given)') },
          { option: `--region ${w.region}`, text: msg('Amazon Connect Region of the instance, e.g. us-east-1') },
          { option: `--ip-ranges ${w.file}`, text: msg('AWS ip-ranges.json: the report says whether the relay used is in AMAZON_CONNECT ranges') },
          { option: '--redact', text: msg('Mask identity, public IPs and phone digits in the report') },
          { option: '--json', text: msg('Print the Report JSON on stdout (a human summary otherwise)') },
          {
            option: '--lang LANG',
            text: msg(str`Language of the summary: ${f.langs.join(', ')} (default: from LC_ALL,
LC_MESSAGES or LANG, else English); the JSON report is the same in every language`),
          },
          {
            option: `--browser ${w.name}`,
            text: msg("chromium | firefox: the browser the checks run in (default chromium); the same\nchecks and the same report in both (Firefox: Debian's firefox-esr)"),
          },
          { option: `--chromium ${w.path}`, text: msg(str`Chromium executable (default ${f.chromium})`) },
          { option: `--firefox ${w.path}`, text: msg(str`Firefox executable (default ${f.firefox})`) },
          { option: `--timeout ${w.seconds}`, text: msg('Give up on the whole run after this long (default 120)') },
          {
            option: '--repeat N',
            text: msg(str`Run the test call N times and report the error rate and spread (--pause ${w.seconds}
between calls, default 2): the networking guide's 200-call test of a proxy change`),
          },
          { option: '-h, --help', text: msg('This help') },
        ],
        24,
      ),
      '',
      para(
        msg(
          "The browser, workstation and devices checks describe the machine that runs this command (its headless\nbrowser and fake microphone), not an agent's computer: they are shown and do not set the verdict.",
        ),
      ),
      '',
      para(
        msg(
          'Exit codes: 0 pass, 1 warn (or nothing could be checked), 2 fail, 3 usage or set-up error,\n4 partial: the checks that ran passed, but they cover only part of the softphone (a --checks subset, or no\ntest call because no TURN server was given or the CCP handed out none).',
        ),
      ),
    ].join('\n');
  },

  /** `ccp-preflight run --repeat N --help`: the two options of repeated test calls. */
  repeatHelp(maxRepeat: number, defaultPauseS: number): string {
    return optionTable(
      [
        {
          option: '--repeat N',
          text: msg(str`Run the test call N times (1-${maxRepeat}) and report the error rate and the spread of
RTT, jitter, loss and MOS. The Amazon Connect networking guide asks for more than 200
calls to prove a domain allowlist; above 2 % failed calls points at the proxy.
Exit 0 within 2 % over more than 200 calls, 1 within 2 % over fewer, 2 above 2 %.`),
        },
        { option: `--pause ${cliTexts.words.seconds}`, text: msg(str`Pause between repeated calls (0-60, default ${defaultPauseS})`) },
      ],
      24,
    );
  },

  /** `ccp-preflight log --help`. */
  logHelp(langs: readonly string[]): string {
    return [
      cliTexts.usage(`ccp-preflight log ${cliTexts.words.file} [--json] [--lang LANG]`),
      '',
      para(
        msg(
          "Reads a CCP log (agent-log.txt: in the CCP, Settings > Download logs, or connect.getLog().download())\nand prints each softphone call's quality in both directions (what the agent hears, what the caller hears),\nthe softphone errors with what to do, ICE, signaling and API failures, websocket gaps, missed calls and\nclock skew. A log covers the last 30 to 60 minutes of the CCP.",
        ),
      ),
      '',
      msg('Options:'),
      optionTable(
        [
          {
            option: '--json',
            text: msg(
              'print the result as JSON (calls with contactId and figures, softphoneErrors with type, problems);\nthe same in every language (English sentences, with codes and figures beside them)',
            ),
          },
          {
            option: '--lang LANG',
            text: msg(str`language of the text: ${langs.join(', ')} (default: from LC_ALL, LC_MESSAGES or LANG,
else English)`),
          },
          { option: '--help', text: msg('this text') },
        ],
        15,
      ),
      '',
      para(msg('Exit codes: 0 the log was read, 3 the file could not be read or is not a CCP log, or a usage error.')),
    ].join('\n');
  },

  /** `ccp-preflight allowlist --help` (the same text as src/allowlist/cli.ts USAGE in English, without its last newline). */
  allowlistHelp(f: AllowlistHelpFacts): string {
    const w = cliTexts.words;
    return [
      cliTexts.usage(`ccp-preflight allowlist --region ${w.region} --instance ALIAS --ip-ranges ${w.file}|URL ${w.options}`),
      '',
      para(
        msg(str`Prints what a proxy or firewall must allow for Amazon Connect CCP softphones of one instance, following
both options of the Amazon Connect guide "Set up your network to use the Amazon Connect Contact Control
Panel (CCP)" (${f.networkingUrl}):`),
      ),
      para(
        msg(
          "Option 1 (recommended): domains and paths on TCP 443 (the instance's ALIAS.my.connect.aws and\nALIAS.awsapps.com/connect forms, their web content, the Region's signaling hosts) and TURN relays on\nUDP 3478, plus the AMAZON_CONNECT ranges for call audio, which only IP ranges express;",
        ),
        '  ',
        '    ',
      ),
      para(
        msg(
          "Option 2: IP ranges from AWS ip-ranges.json (https://ip-ranges.amazonaws.com/ip-ranges.json): the\nRegion's AMAZON_CONNECT (and GLOBAL) UDP 3478 and TCP 443, the Region's EC2 TCP 443, every CLOUDFRONT\nrange TCP 443; UDP 49152-65535 inbound from AMAZON_CONNECT for stateless firewalls. IPv4 and IPv6.",
        ),
        '  ',
        '    ',
      ),
      '',
      msg('Options:'),
      optionTable(
        [
          { option: `--region ${w.region}`, text: msg('Amazon Connect Region of the instance, e.g. us-east-1 (required)') },
          { option: '--instance ALIAS', text: msg('the instance alias (acme of https://acme.my.connect.aws/ccp-v2)') },
          { option: '--ccp-url URL', text: msg("or the instance's CCP URL (either address form)") },
          { option: '--option domains|ip-ranges|both', text: msg('which options to print (default both, domains first)'), loose: true },
          { option: `--ip-ranges ${w.file}|URL`, text: msg('ip-ranges.json to read (required unless --option domains)') },
          { option: `--previous ${w.file}|URL`, text: msg('an older ip-ranges.json: list what was added since, and by when to allow it') },
          {
            option: '--check',
            text: msg(str`with --previous, for a scheduled job: print only where today stands and exit
0 nothing due, 1 the safe date is less than ${f.nearDays} days away, 2 overdue (added
ranges not in --previous, i.e. not yet allowed, and the safe date has passed)`),
          },
          { option: '--format table|csv|json', text: msg('output format (default table)') },
          { option: '--no-stateless', text: msg('leave out the stateless-firewall ephemeral rule') },
          { option: `--timeout ${w.seconds}`, text: msg(str`time limit for a URL download (default ${f.timeoutS})`) },
          {
            option: '--lang LANG',
            text: msg(str`language of the table and the messages: ${f.langs.join(', ')} (default: from
LC_ALL, LC_MESSAGES or LANG, else English); CSV and JSON are the same in every language`),
          },
          { option: '-h, --help', text: msg('this text') },
        ],
        26,
      ),
      '',
      para(msg('Exit codes: 0 printed; with --check 0/1/2 as above; 3 bad input or usage (message on stderr).')),
    ].join('\n');
  },

  // Usage errors: what is wrong, then what to give. Option names and values are quoted as typed.

  /** After a usage error of a command: where its options are explained. */
  seeHelp(command: string): string {
    return msg(str`Run "ccp-preflight ${command} --help" for the options.`);
  },
  unknownCommand(command: string): string {
    return msg(str`unknown command "${command}".`);
  },
  unknownOption(option: string): string {
    return msg(str`Unknown option '${option}'.`);
  },
  needsValue(option: string): string {
    return msg(str`${option} needs a value.`);
  },
  takesNoValue(option: string): string {
    return msg(str`${option} takes no value.`);
  },
  unexpectedArgument(arg: string): string {
    return msg(str`Unexpected argument '${arg}': this command takes options only.`);
  },
  langNeeded(langs: readonly string[]): string {
    return msg(str`--lang needs a language: ${langs.join(', ')}.`);
  },
  langUnknown(value: string, langs: readonly string[]): string {
    return msg(str`--lang "${value}" is not a language of this tool. Give one of ${langs.join(', ')}.`);
  },
  browserOneOf(browsers: readonly string[], got: string): string {
    return msg(str`--browser must be one of ${browsers.join(', ')} (got "${got}").`);
  },
  get firefoxNeedsBrowser(): string {
    return msg('--firefox needs --browser firefox.');
  },
  get chromiumIsForChromium(): string {
    return msg('--chromium is for --browser chromium; give --firefox PATH for Firefox.');
  },
  iceServersNotJson(detail: string): string {
    return msg(str`--ice-servers is not valid JSON (${detail}). Give an RTCIceServer array, e.g. '[{"urls":"turn:host:3478","username":"u","credential":"p"}]'.`);
  },
  iceServersNeedUrls(index: number): string {
    return msg(str`--ice-servers[${index}] needs "urls": a stun:/turn:/turns: URL or an array of them.`);
  },
  iceServersBadUrl(index: number, url: string): string {
    return msg(str`--ice-servers[${index}]: "${url}" is not a stun:, turn: or turns: URL.`);
  },
  iceServersNeedCredentials(index: number): string {
    return msg(str`--ice-servers[${index}]: a TURN server needs "username" and "credential".`);
  },
  checksEmpty(known: readonly string[]): string {
    return msg(str`--checks is empty. Name at least one check: ${known.join(', ')}.`);
  },
  checksUnknown(id: string, known: readonly string[]): string {
    return msg(str`--checks: unknown check "${id}". Known checks: ${known.join(', ')}.`);
  },
  durationRange(got: string): string {
    return msg(str`--duration must be a number of seconds from 2 to 60 (got "${got}").`);
  },
  timeoutRange(got: string): string {
    return msg(str`--timeout must be a number of seconds from 5 to 3600 (got "${got}").`);
  },
  ccpUrlNotUrl(got: string): string {
    return msg(str`--ccp-url "${got}" is not a URL. Give your instance's CCP URL, e.g. https://ALIAS.my.connect.aws/ccp-v2.`);
  },
  ccpUrlNotHttps(got: string): string {
    return msg(str`--ccp-url must be an https:// URL (http:// only for localhost), got "${got}".`);
  },
  ccpModeChoice(got: string): string {
    return msg(str`--ccp-mode must be "full" or "media-less" (got "${got}").`);
  },
  get ccpModeNeedsUrl(): string {
    return msg('--ccp-mode needs --ccp-url.');
  },
  regionBad(got: string): string {
    return msg(str`--region "${got}" is not a Region name like us-east-1.`);
  },
  ipRangesUnreadable(file: string, why: string): string {
    return msg(str`--ip-ranges: cannot read "${file}" (${why}).`);
  },
  ipRangesNotJson(file: string, detail: string): string {
    return msg(str`--ip-ranges: "${file}" is not JSON (${detail}). Pass AWS's ip-ranges.json itself.`);
  },
  ipRangesNoPrefixes(file: string): string {
    return msg(str`--ip-ranges: "${file}" has no "prefixes" list; it is not AWS's ip-ranges.json.`);
  },
  get localTurnOrIceServers(): string {
    return msg('Give either --local-turn or --ice-servers, not both.');
  },
  repeatRange(max: number, got: string): string {
    return msg(str`--repeat must be a whole number of calls from 1 to ${max} (got "${got}").`);
  },
  pauseRange(got: string): string {
    return msg(str`--pause must be a number of seconds from 0 to 60 (got "${got}").`);
  },
  get repeatWithoutChecks(): string {
    return msg('--repeat runs the test call (the media check) only: leave out --checks.');
  },
  runTimedOut(seconds: number): string {
    return msg(str`the run did not finish within ${seconds} s (raise --timeout if your network is slow).`);
  },
  get oneFile(): string {
    return msg('give one file.');
  },
  get whichFile(): string {
    return msg('which file? Give the path of the CCP log.');
  },
  /** A CCP log that cannot be read: `why` is one of the reasons below or the system's message. */
  logUnreadable(file: string, why: string): string {
    return msg(str`cannot read "${file}": ${why}. Check the path of the agent's agent-log.txt.`);
  },
  get noSuchFile(): string {
    return msg('there is no such file');
  },
  get isFolder(): string {
    return msg('it is a folder');
  },

  // Set-up errors.

  /** The package is there, but a part of its build is missing (`missing`: the file). */
  notBuilt(missing: string): string {
    return msg(str`the package is not built (${missing} is missing). Run "npm run build" first.`);
  },
  olderBuild(missing: string): string {
    return msg(str`the package build is older than this CLI (no ${missing} in dist). Run "npm run build" first.`);
  },
  get collectorNotBuilt(): string {
    return msg('The collector is not built. Run "npm run build" first.');
  },
  collectorNeedsPackage(name: string): string {
    return msg(str`the collector needs the package "${name}". Install the collector's packages with:`);
  },
  collectorLoadFailed(detail: string): string {
    return msg(str`could not load the collector (${detail}).`);
  },
};

export type CliTexts = typeof cliTexts;
