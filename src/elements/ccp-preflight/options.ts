/**
 * The widget's attributes -> run options: plain functions (no DOM), each error saying what to give instead.
 */
import type { PreflightOptions } from '../../runner.js';
import { CHECK_IDS, type CheckId, type Subject } from '../../report/schema.js';
import type { WidgetErrorKind } from './widget-errors.js';

/** A bad attribute: the host page set the widget up wrongly (the banner says so in the agent's language). */
const configError = (message: string, cause?: unknown): Error & { kind: WidgetErrorKind } =>
  Object.assign(new Error(message, { cause }), { kind: 'config' as const });

/** Parses the `ice-servers` attribute: a JSON array of RTCIceServer. Throws with a clear message. */
export function parseIceServersAttribute(value: string): RTCIceServer[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (e) {
    throw configError(`The ice-servers attribute is not valid JSON (${e instanceof Error ? e.message : String(e)}). Give a JSON array such as [{"urls":"turn:turn.example.com:3478","username":"u","credential":"p"}].`, e);
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  list.forEach((s, i) => {
    const urls = (s as { urls?: unknown } | null)?.urls;
    const ok = typeof urls === 'string' || (Array.isArray(urls) && urls.length > 0 && urls.every((u) => typeof u === 'string'));
    if (!ok) throw configError(`ice-servers[${i}] has no "urls" (a string or an array of stun:/turn:/turns: URLs).`);
    for (const u of typeof urls === 'string' ? [urls] : (urls as string[])) {
      if (!/^(stun|stuns|turn|turns):/i.test(u)) throw configError(`ice-servers[${i}]: "${u}" is not a stun:, turn: or turns: URL.`);
    }
  });
  return list as RTCIceServer[];
}

/** Parses the `checks` attribute: ids separated by commas or spaces. Throws on an unknown id. */
export function parseChecksAttribute(value: string): CheckId[] {
  const ids = value.split(/[\s,]+/).filter(Boolean);
  for (const id of ids) {
    if (!(CHECK_IDS as readonly string[]).includes(id)) throw configError(`The checks attribute names an unknown check "${id}". Known checks: ${CHECK_IDS.join(', ')}.`);
  }
  return ids as CheckId[];
}

/** The widget's attributes and properties that shape a run. */
export interface WidgetRunInputs {
  options?: Partial<PreflightOptions> | undefined;
  iceServers?: RTCIceServer[] | undefined;
  iceServersAttr?: string | undefined;
  checks?: string | undefined;
  duration?: number | null | undefined;
  ccpUrl?: string | undefined;
  region?: string | undefined;
  ccpMode?: 'full' | 'media-less' | 'none' | undefined;
  label?: string | undefined;
  /** True when the widget attaches to the page's own CCP (then a run has a CCP even without ccp-url). */
  attached?: boolean | undefined;
}

/** Builds the run options; throws with a clear message on a bad attribute. */
export function buildRunOptions(i: WidgetRunInputs): PreflightOptions {
  const opts: PreflightOptions = { ...i.options };
  const iceServers = i.iceServers ?? (i.iceServersAttr ? parseIceServersAttribute(i.iceServersAttr) : undefined);
  if (iceServers) opts.iceServers = iceServers;
  if (i.checks) opts.checks = parseChecksAttribute(i.checks);
  if (i.duration !== undefined && i.duration !== null) opts.durationS = Number(i.duration);
  if (i.ccpUrl) opts.ccpUrl = i.ccpUrl;
  if (i.region) opts.region = i.region;
  if (i.ccpMode) opts.ccpMode = i.ccpMode;
  else if (i.attached) opts.ccpMode = 'full';
  const label = i.label?.trim();
  if (label) opts.subject = { ...opts.subject, label } as Partial<Subject>;
  return opts;
}

/** The CCP mode the widget works in: the attribute, else `full` when there is a CCP URL or a CCP to attach to. */
export function effectiveCcpMode(ccpMode: 'full' | 'media-less' | 'none' | undefined, ccpUrl: string | undefined, attachable: boolean): 'full' | 'media-less' | 'none' {
  return ccpMode ?? (ccpUrl || attachable ? 'full' : 'none');
}
