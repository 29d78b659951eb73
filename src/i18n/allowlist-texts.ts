/**
 * The words of `ccp-preflight allowlist` in the active language (DOM-free): the table's headings, column heads
 * and purposes, the notes, the deadline lines of `--previous` / `--check`, the warnings and the error messages.
 * The CLI (src/allowlist/cli.ts, built to dist/allowlist.js) sets the language from --lang, else LC_ALL /
 * LC_MESSAGES / LANG (cli/allowlist.mjs, cli/lang.mjs).
 *
 * The machine outputs (`--format csv`, `--format json`) stay English in every language: src/allowlist renders
 * their sentences from these same texts through `inSourceLocale` (src/i18n/runtime.ts), so the English lives here
 * only. Identifiers stay as they are (domains, ports, protocols, ranges, Region codes, AMAZON_CONNECT, command
 * lines); the citation titles stay English (they name English pages), the words around them are translated.
 */
import { msg, str } from '@lit/localize';
import { columns } from '../report/text.js';
import { plural } from './format-texts.js';
import { getLocale } from './runtime.js';

/** Ids of the Option 1 rules (src/allowlist/domains.ts). */
export type AllowlistDomainId =
  | 'instance-ccp'
  | 'instance-api'
  | 'instance-static'
  | 'legacy-ccp'
  | 'legacy-api'
  | 'legacy-static'
  | 'signaling-v1'
  | 'signaling-v2'
  | 'participant'
  | 'execute-api'
  | 'turn-nlb'
  | 'telemetry';

/** Ids of the IP-range rules (src/allowlist/rules.ts). */
export type AllowlistRuleId = 'connect-media-udp' | 'connect-tcp' | 'connect-ephemeral-udp' | 'ec2-signaling-tcp' | 'cloudfront-tcp';

/** A warning of an allowlist, by code: the table says it in the reader's language, the JSON in English. */
export type AllowlistNotice = { code: 'no-instance'; placeholder: string } | { code: 'no-region-range'; region: string; connectRegions: string[] };

/** What a deadline sentence says (src/allowlist/deadlines.ts). */
export interface DeadlineFacts {
  state: 'none' | 'ahead' | 'near' | 'safe-passed' | 'latest-passed';
  /** Added rules. */
  added: number;
  /** The safe and the latest date, YYYY-MM-DD. */
  safe: string;
  latest: string;
  safeDays: number;
  latestDays: number;
  /** Fewer days left than this before the latest date is "only N days left". */
  nearDays: number;
}

/** Facts the notes quote (src/allowlist/notes.ts). */
export interface NoteFacts {
  region: string;
  alias: string;
  domains: boolean;
  ranges: boolean;
  /** A TURN load balancer name of the Region (or the pattern). */
  nlb: string;
  testCalls: number;
  repeatCalls: number;
  maxErrorPct: number;
  graceDays: number;
  ipRangesUrl: string;
  networkingPage: string;
  networkingPageUrl: string;
}

const ago = (n: number): string => (n === 0 ? msg('less than a day ago') : n === 1 ? msg('1 day ago') : msg(str`${n} days ago`));
const left = (n: number): string => (n === 0 ? msg('less than a day left') : n === 1 ? msg('1 day left') : msg(str`${n} days left`));
/** "the 4 added rules" (the article goes with the words: a translation may need another form for one rule). */
/** "1 rule", "12 rules" ("0 règle" in French: the language's own plural rules). */
const rules = (n: number): string => {
  const c = n.toLocaleString(getLocale());
  return plural(n, () => msg(str`${c} rule`), () => msg(str`${c} rules`));
};
const addedRules = (n: number): string => (n === 1 ? msg('the 1 added rule') : msg(str`the ${n} added rules`));

export const allowlistTexts = {
  /** Terminal columns of a text (Japanese characters take two), for aligning the table. */
  columns,

  title(alias: string, region: string): string {
    return msg(str`Amazon Connect CCP allowlist: instance ${alias}, Region ${region}`);
  },
  source(createDate: string, syncToken: string): string {
    return msg(str`IP ranges from ip-ranges.json createDate ${createDate} (syncToken ${syncToken}).`);
  },
  warning(text: string): string {
    return msg(str`WARNING: ${text}`);
  },
  option1Heading(n: number): string {
    return msg(str`Option 1 (recommended): allow these domains on your proxy or firewall (${rules(n)})`);
  },
  mediaHeading(n: number): string {
    return msg(str`Both options: call audio also needs these AMAZON_CONNECT ranges, which only IP ranges express (${rules(n)})`);
  },
  get mediaMissing(): string {
    return msg('(pass --ip-ranges ip-ranges.json to list them)');
  },
  option2InsteadHeading(n: number): string {
    return msg(str`Option 2 (not recommended): instead of the domains of Option 1, allow these IP ranges (${rules(n)})`);
  },
  option2Heading(n: number): string {
    return msg(str`Option 2: IP ranges (${rules(n)})`);
  },
  diffHeading(createDate: string, added: number, removed: number): string {
    return msg(str`Since the previous file (createDate ${createDate}): ${added} rules added, ${removed} removed.`);
  },
  allowBySafe(date: string): string {
    return msg(str`Allow the added ranges by ${date} (previous createDate + 30 days: the safe date),`);
  },
  allowByLatest(date: string): string {
    return msg(str`and no later than ${date} (newer createDate + 30 days: the latest date).`);
  },
  get addedHeading(): string {
    return msg('Added:');
  },
  get removedHeading(): string {
    return msg('Removed (no longer listed for this Region):');
  },
  get notesHeading(): string {
    return msg('Notes:');
  },
  /** Column heads of the IP-range tables. */
  get ipHead(): string[] {
    return [msg('DIRECTION'), msg('PROTOCOL'), msg('PORT'), msg('PREFIX'), msg('SERVICE'), msg('REGION'), msg('PURPOSE')];
  },
  /** Column heads of the domain table. */
  get domainHead(): string[] {
    return [msg('DIRECTION'), msg('PROTOCOL'), msg('PORT'), msg('DOMAIN/URL'), msg('PURPOSE')];
  },
  direction(d: 'outbound' | 'inbound'): string {
    return d === 'inbound' ? msg('inbound') : msg('outbound');
  },

  /** What an Option 1 rule is for. */
  domainPurpose(id: AllowlistDomainId): string {
    switch (id) {
      case 'instance-ccp':
        return msg('the CCP page of the instance');
      case 'instance-api':
        return msg('the CCP calls to the instance API');
      case 'instance-static':
        return msg('the CCP web content (scripts, images)');
      case 'legacy-ccp':
        return msg('the CCP page, older address form');
      case 'legacy-api':
        return msg('the instance API, older address form');
      case 'legacy-static':
        return msg('the CCP web content from CloudFront, older address form');
      case 'signaling-v1':
        return msg('softphone signaling of the older CCP (ccp#, v1), a WebSocket');
      case 'signaling-v2':
        return msg('softphone signaling of the CCP (ccp-v2), a WebSocket');
      case 'participant':
        return msg('chat contacts (Amazon Connect Participant Service)');
      case 'execute-api':
        return msg('Amazon API Gateway endpoints of the Region the guide lists');
      case 'turn-nlb':
        return msg('softphone audio relays (TURN) by name; needed when names are resolved or filtered by the proxy or DNS');
      case 'telemetry':
        return msg('optional: more metrics for Amazon Connect support');
    }
  },

  /** What an IP-range rule is for. */
  rulePurpose(id: AllowlistRuleId): string {
    switch (id) {
      case 'connect-media-udp':
        return msg('softphone call audio (media)');
      case 'connect-tcp':
        return 'Amazon Connect';
      case 'connect-ephemeral-udp':
        return msg('stateless firewalls only: the browser ephemeral port range');
      case 'ec2-signaling-tcp':
        return msg('CCP signaling endpoint');
      case 'cloudfront-tcp':
        return msg('instance web content (global, follows the agent location)');
    }
  },

  /** A warning in words. */
  notice(n: AllowlistNotice): string {
    if (n.code === 'no-instance') {
      return msg(str`No instance given: the domain rules say "${n.placeholder}". Pass --instance ALIAS (or --ccp-url) to name your instance.`);
    }
    const list = n.connectRegions.join(', ') || msg('none', { id: 'allowlist-no-region' });
    return msg(
      str`No Region-specific AMAZON_CONNECT range is listed for ${n.region}, so only the GLOBAL AMAZON_CONNECT ranges apply. Check that ${n.region} is the Region of your Amazon Connect instance (Regions with their own AMAZON_CONNECT ranges in this file: ${list}).`,
    );
  },

  /** The notes printed with every allowlist, in words an admin acts on, each citing the networking guide. */
  notes(f: NoteFacts): string[] {
    const out: string[] = [];
    if (f.domains) {
      out.push(
        msg(
          str`Prove Option 1 before production: run more than ${f.testCalls} test calls through the proxy (ccp-preflight run --repeat ${f.repeatCalls}) and watch for softphone errors, dropped calls, conference and transfer. An error rate above ${f.maxErrorPct} % means the proxy probably fails to resolve or pass these names: fix its name resolution, or use Option 2 (IP ranges) (the networking guide, Option 1).`,
        ),
        msg(
          str`Name resolution for softphones: from an agent's network run "nslookup ${f.nlb}". If it does not resolve, allow TurnNlb-*.elb.${f.region}.amazonaws.com on UDP 3478 (or the Region's TurnNlb names the guide lists); otherwise agents see "Failed to establish softphone connection ... Browser unable to establish media channel with turn:TurnNlb-...:3478?transport=udp" when they answer. With the AMAZON_CONNECT ranges allowed and no DNS restriction, the TurnNlb name is not needed (the networking guide, Allow DNS resolution for softphones).`,
        ),
        msg(
          str`Some proxies break WebSockets: the signaling hosts (rtc*.connect-telecom / *.transport.connect) and https://${f.alias}.awsapps.com keep one open for the whole shift; let them pass without TLS inspection and test before production (the networking guide, Option 1).`,
        ),
        msg(str`If agents send attachments, also allow your attachments bucket, {bucket}.s3.${f.region}.amazonaws.com on TCP 443 (the networking guide, Option 1).`),
      );
    }
    out.push(
      msg(
        str`Call audio needs the AMAZON_CONNECT ranges (the Region's and GLOBAL) on UDP 3478 with either option. New ranges appear in ip-ranges.json at least ${f.graceDays} days before Amazon Connect uses them: re-run this with --previous against a fresh ${f.ipRangesUrl} at least every ${f.graceDays} days, or schedule it with --check (the networking guide, About Amazon Connect IP address ranges).`,
      ),
      msg('UDP 49152-65535 inbound from AMAZON_CONNECT is needed only behind a stateless firewall (the networking guide, Stateless firewalls).'),
    );
    if (f.ranges) {
      out.push(msg("CloudFront serves the CCP's web content from the edge nearest the agent, so Option 2 needs every CLOUDFRONT range, not only the Region's (the networking guide, Option 2)."));
    }
    out.push(
      msg('A proxy or firewall between the CCP and Amazon Connect needs an SSL certificate cache timeout of at least a whole agent shift, breaks included (the networking guide, Port and protocol considerations).'),
      msg(str`The networking guide: ${f.networkingPage}, ${f.networkingPageUrl}.`),
    );
    return out;
  },

  /** Where today stands against the safe and the latest date: one sentence an admin acts on. */
  deadline(d: DeadlineFacts): string {
    const rules = addedRules(d.added);
    switch (d.state) {
      case 'none':
        return msg('No range was added since the previous file: nothing to allow.');
      case 'latest-passed':
        return msg(
          str`OVERDUE: the latest date ${d.latest} passed ${ago(-d.latestDays)}: Amazon Connect uses these ranges now, and calls through them fail until you allow ${rules}. Allow them today.`,
        );
      case 'safe-passed': {
        const remaining = d.latestDays < d.nearDays ? msg(str`only ${left(d.latestDays)}`) : left(d.latestDays);
        return msg(
          str`OVERDUE: the safe date ${d.safe} passed ${ago(-d.safeDays)}: Amazon Connect may already use these ranges. Allow ${rules} now; the latest date is ${d.latest} (${remaining}).`,
        );
      }
      case 'near':
        return msg(str`SOON: allow ${rules} by the safe date ${d.safe} (${left(d.safeDays)}); the latest date is ${d.latest} (${left(d.latestDays)}).`);
      case 'ahead':
        return msg(str`Allow ${rules} by the safe date ${d.safe} (${left(d.safeDays)}); the latest date is ${d.latest} (${left(d.latestDays)}).`);
    }
  },

  /** The line `--check` prints. */
  checkLine(region: string, sentence: string): string {
    return msg(str`ccp-preflight allowlist --check (${region}): ${sentence}`);
  },

  // Errors and usage errors (stderr), in the order a network admin meets them.
  usageHint(message: string): string {
    return msg(str`${message}
Run "ccp-preflight allowlist --help" for usage.`);
  },
  needsValue(option: string): string {
    return msg(str`${option} needs a value.`);
  },
  unknownChoice(option: string, value: string, choices: string): string {
    return msg(str`Unknown ${option} "${value}". Use one of: ${choices}.`);
  },
  badTimeout(value: string): string {
    return msg(str`--timeout must be a number of seconds between 0 and 600 (got "${value}").`);
  },
  unknownArgument(arg: string): string {
    return msg(str`Unknown argument "${arg}".`);
  },
  get regionRequired(): string {
    return msg('--region is required (the Region of your Amazon Connect instance, e.g. us-east-1).');
  },
  notARegion(region: string): string {
    return msg(str`"${region}" does not look like an AWS Region name (e.g. us-east-1, eu-central-1).`);
  },
  ipRangesRequired(url: string): string {
    return msg(str`--ip-ranges is required (unless --option domains): a path to ip-ranges.json or its URL (${url}).`);
  },
  get instanceOrUrl(): string {
    return msg('Pass --instance or --ccp-url, not both.');
  },
  get checkNeedsPrevious(): string {
    return msg('--check needs --previous: the ip-ranges.json your firewall allows today (the older file).');
  },
  get checkNeedsIpRanges(): string {
    return msg('--check needs --ip-ranges: the newest ip-ranges.json.');
  },
  noFetch(): string {
    return msg('this runtime has no fetch; download the file and pass its path.');
  },
  fetchTimeout(seconds: number): string {
    return msg(str`no answer within ${seconds} s. Check the network or proxy, or download the file and pass its path.`);
  },
  unreachable(why: string): string {
    return msg(str`could not be reached (${why}). Check the URL, network or proxy, or download the file and pass its path.`);
  },
  httpStatus(status: number, url: string): string {
    return msg(str`the server answered HTTP ${status}. Check the URL (the AWS file is ${url}).`);
  },
  tooLargeBytes(bytes: number, limit: number): string {
    return msg(str`${bytes} bytes is too large for an ip-ranges.json (limit ${limit}).`);
  },
  tooLarge(limit: number): string {
    return msg(str`too large for an ip-ranges.json (limit ${limit} bytes).`);
  },
  brokeOff(seconds: number | undefined): string {
    return seconds === undefined
      ? msg('the download broke off. Try again, or download the file and pass its path.')
      : msg(str`the download broke off after ${seconds} s. Try again, or download the file and pass its path.`);
  },
  get noFiles(): string {
    return msg('reading files is not available here; pass a URL.');
  },
  cannotRead(code: string | undefined, detail: string): string {
    const why = code === 'ENOENT' ? msg('no such file') : code === 'EACCES' ? msg('permission denied') : code === 'EISDIR' ? msg('it is a directory') : detail;
    return msg(str`cannot read the file (${why}). Check the path.`);
  },
  notJson(detail: string, url: string): string {
    return msg(str`not JSON (${detail}). Pass the ip-ranges.json file itself, e.g. from ${url}.`);
  },
  get notAnObject(): string {
    return msg('The file is not an ip-ranges.json object: expected { "syncToken", "createDate", "prefixes", "ipv6_prefixes" }.');
  },
  notValid(problems: string, more: number): string {
    return more > 0 ? msg(str`Not a valid ip-ranges.json: ${problems} (and ${more} more).`) : msg(str`Not a valid ip-ranges.json: ${problems}.`);
  },
  get syncTokenMissing(): string {
    return msg('missing (expected a string such as "1700000000")');
  },
  badCreateDate(value: string): string {
    return msg(str`${value} is not in the format YYYY-MM-DD-hh-mm-ss`);
  },
  get listMissing(): string {
    return msg('missing or not an array');
  },
  get notObject(): string {
    return msg('not an object');
  },
  notCidr(value: string, family: number): string {
    return msg(str`${value} is not an IPv${family} CIDR`);
  },
  get missing(): string {
    return msg('missing');
  },
  get needsIpRanges(): string {
    return msg('an ip-ranges.json is needed for the IP-range rules.');
  },
  get previousNeedsCurrent(): string {
    return msg('a previous file needs the current ip-ranges.json too.');
  },
  unknownRegion(region: string, present: string): string {
    return msg(str`The Region "${region}" is not in this ip-ranges.json. Regions present: ${present}.`);
  },
  get noneParen(): string {
    return msg('(none)');
  },
  previousNewer(previous: string, current: string): string {
    return msg(str`The --previous file (createDate ${previous}) is newer than the --ip-ranges file (createDate ${current}). Swap them: --previous takes the older file.`);
  },
  notAnAlias(alias: string): string {
    return msg(str`"${alias}" is not an instance alias (letters, digits and hyphens, e.g. "acme" from https://acme.my.connect.aws/ccp-v2).`);
  },
  notAUrl(url: string): string {
    return msg(str`"${url}" is not a URL. Pass the instance's CCP URL, e.g. https://acme.my.connect.aws/ccp-v2, or --instance ALIAS.`);
  },
  notAnInstanceUrl(url: string): string {
    return msg(str`"${url}" is not an Amazon Connect instance address (ALIAS.my.connect.aws or ALIAS.awsapps.com). Pass --instance ALIAS for other forms.`);
  },
  warningLine(text: string): string {
    return msg(str`warning: ${text}`);
  },
  unexpected(detail: string): string {
    return msg(str`unexpected error: ${detail}`);
  },
};

export type AllowlistTexts = typeof allowlistTexts;
