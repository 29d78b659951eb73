/**
 * Failover to an external phone (seed 003: "For workstations unable to meet soft phone connectivity
 * requirements or experiencing soft phone issues, the CCP has the ability to redirect to an external
 * device"; the number must be in E.164 format).
 *
 * - The number is checked before anything is sent: E.164 shape (^\+[1-9]\d{1,14}$), a real number for its
 *   country (libphonenumber-js with the small "min" metadata, loaded lazily), and its country among the
 *   agent's dialable countries (`agent.getDialableCountries()`, ISO codes, compared case-insensitively).
 * - The switch sends the WHOLE configuration with callbacks: Streams' `setConfiguration` checks only the
 *   locale client-side (InvalidLocale), sends `updateAgentConfiguration` with what it is given, and calls
 *   `callbacks.success` without a null check.
 * - Only with explicit consent ('agent' clicked, or a host 'policy'); bounded by a timeout.
 * Every failure rejects with a {@link FailoverError} whose message says what happened and what to do, and
 * nothing is sent for a refused number.
 */
import type { FailoverRecord } from '../report/schema.js';
import type { AgentConfigurationLike, AgentLike } from './connect-types.js';

export const E164_PATTERN = /^\+[1-9]\d{1,14}$/;
export const DEFAULT_FAILOVER_TIMEOUT_MS = 10_000;

export type FailoverErrorCode =
  | 'no-ccp'
  /** The widget has no CCP to switch in (the desktop runs none and gave no ccp-url). */
  | 'no-ccp-to-switch'
  | 'not-ready'
  | 'consent-required'
  | 'invalid-format'
  | 'invalid-number'
  | 'country-unknown'
  | 'country-not-dialable'
  | 'invalid-locale'
  | 'rejected'
  | 'timeout'
  | 'already-softphone'
  | 'busy';

/**
 * The figures and names a failover error's sentence uses, so it can be said again in the agent's language
 * (src/i18n/failover-texts.ts): the number, its country, the dialable countries, the seconds waited, the CCP's
 * state or the service's detail; `step` tells two sentences of one code apart.
 */
export interface FailoverErrorParams {
  number?: string;
  country?: string;
  allowed?: string;
  seconds?: number;
  state?: string;
  detail?: string;
  step?: 'closed' | 'send';
}

/**
 * A failover that did not happen; `record` is the failed attempt as the report keeps it (when one was made).
 * `message` is English (events, logs, the report); `params` hold what the message says, for other languages.
 */
export class FailoverError extends Error {
  constructor(
    readonly code: FailoverErrorCode,
    message: string,
    readonly record?: FailoverRecord,
    readonly params: Readonly<FailoverErrorParams> = {},
  ) {
    super(message);
    this.name = 'FailoverError';
  }
}

export type Consent = 'agent' | 'policy';

export interface NumberCheck {
  e164: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
}

type ParseFn = (text: string) => { country?: string; isValid(): boolean; number: string } | undefined;
let parserPromise: Promise<ParseFn> | undefined;

/** Loads libphonenumber-js with the "min" metadata (about 80 KB) on first use only. */
export function loadPhoneParser(): Promise<ParseFn> {
  parserPromise ??= import('libphonenumber-js/min').then((m) => m.parsePhoneNumberFromString as unknown as ParseFn);
  return parserPromise;
}

/** Masks all but the last 4 digits (+44******8750), for messages and redacted views. */
export function maskNumber(e164: string | null | undefined): string | null {
  if (!e164) return null;
  return e164.length <= 5 ? e164 : e164.slice(0, 3) + '*'.repeat(e164.length - 7) + e164.slice(-4);
}

/**
 * Validates an external number for the agent. Rejects with FailoverError (invalid-format, invalid-number,
 * country-unknown, country-not-dialable); resolves with the normalized number and its country.
 */
export async function validateExternalNumber(
  input: string,
  dialableCountries: readonly string[] | undefined,
  parse: () => Promise<ParseFn> = loadPhoneParser,
): Promise<NumberCheck> {
  const e164 = String(input ?? '').trim();
  if (!E164_PATTERN.test(e164)) {
    throw new FailoverError(
      'invalid-format',
      `"${e164}" is not an E.164 phone number. Write it with + and the country code, digits only, no spaces (for example +14155550123).`,
      undefined,
      { number: e164 },
    );
  }
  const parsed = (await parse())(e164);
  if (!parsed || !parsed.isValid()) {
    throw new FailoverError('invalid-number', `${e164} is not a valid phone number for its country code. Check the digits.`, undefined, { number: e164 });
  }
  if (!parsed.country) {
    throw new FailoverError(
      'country-unknown',
      `${e164} belongs to no single country (a non-geographic number), so it cannot be checked against the countries your instance may dial. Use a regular landline or mobile number.`,
      undefined,
      { number: e164 },
    );
  }
  const country = parsed.country.toUpperCase();
  const allowed = (dialableCountries ?? []).map((c) => c.toUpperCase());
  if (!allowed.includes(country)) {
    throw new FailoverError(
      'country-not-dialable',
      `Your Amazon Connect instance may not call ${country} numbers (dialable countries: ${allowed.length ? allowed.join(', ') : 'none'}). Use a number in one of those countries, or ask an admin to allow ${country}.`,
      undefined,
      { country, allowed: allowed.join(', ') },
    );
  }
  return { e164: parsed.number || e164, country };
}

interface SwitchOptions {
  consent: Consent | undefined;
  reason?: string;
  timeoutMs?: number;
  now?: () => Date;
  /** Aborted when the CCP is closed (controller destroyed): the wait ends at once. */
  signal?: AbortSignal;
}

function describeServiceError(err: unknown): string {
  if (typeof err === 'string') return err;
  if (err && typeof err === 'object') {
    const o = err as { message?: unknown; type?: unknown; errorMessage?: unknown };
    const parts = [o.type, o.message ?? o.errorMessage].filter((x) => typeof x === 'string' && x);
    if (parts.length) return parts.join(': ');
  }
  return 'no detail given';
}

/**
 * Sends `config` with `agent.setConfiguration` and resolves on success; rejects with FailoverError on
 * InvalidLocale, a service rejection or no answer within `timeoutMs` (callbacks arriving later are ignored).
 */
function sendConfiguration(
  agent: AgentLike,
  config: AgentConfigurationLike,
  timeoutMs: number,
  invalidLocale: string,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const onAbort = () =>
      done(() =>
        reject(
          new FailoverError(
            'no-ccp',
            'The CCP was closed before it confirmed the phone change. Check the phone setting in the CCP before taking calls.',
            undefined,
            { step: 'closed' },
          ),
        ),
      );
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      reject(
        new FailoverError(
          'timeout',
          `The CCP did not confirm the phone change within ${(timeoutMs / 1000).toFixed(0)} s. Check the phone setting in the CCP before taking calls.`,
          undefined,
          { seconds: Math.round(timeoutMs / 1000) },
        ),
      );
    }, timeoutMs);
    function done(f: () => void): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      f();
    }
    if (signal?.aborted) return onAbort();
    try {
      agent.setConfiguration(config, {
        success: () => done(() => resolve()),
        failure: (err: unknown) =>
          done(() => {
            if (err === invalidLocale || (typeof err === 'object' && err !== null && (err as { type?: string }).type === invalidLocale)) {
              reject(
                new FailoverError(
                  'invalid-locale',
                  'The CCP refused the change because the agent\'s language setting is not one Streams accepts (InvalidLocale). Set the language in the CCP settings, then try again.',
                ),
              );
            } else {
              const detail = describeServiceError(err);
              reject(new FailoverError('rejected', `Amazon Connect refused the phone change (${detail}). Nothing was changed.`, undefined, { detail }));
            }
          }),
      });
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      done(() => reject(new FailoverError('rejected', `The CCP could not send the phone change: ${detail}.`, undefined, { detail, step: 'send' })));
    }
  });
}

/**
 * A copy of the configuration to send: Streams' setConfiguration writes agentPreferences.locale into the object
 * it is given (the LANGUAGE/locale workaround), which must not touch the agent data Streams holds.
 */
function copyConfig(c: AgentConfigurationLike): AgentConfigurationLike {
  return { ...c, ...(c.agentPreferences ? { agentPreferences: { ...c.agentPreferences } } : {}) };
}

function snapshotOf(agent: AgentLike): FailoverRecord['before'] {
  const c = agent.getConfiguration();
  return { softphoneEnabled: !!c.softphoneEnabled, extension: c.extension ? String(c.extension) : null };
}

/** Switches the agent to the external number. Resolves with the record; rejects with FailoverError. */
export async function switchToExternalPhone(
  agent: AgentLike,
  check: NumberCheck,
  opts: SwitchOptions & { invalidLocale: string },
): Promise<FailoverRecord> {
  const now = opts.now ?? (() => new Date());
  const before = snapshotOf(agent);
  const config: AgentConfigurationLike = { ...copyConfig(agent.getConfiguration()), softphoneEnabled: false, extension: check.e164 };
  const base = {
    at: now().toISOString(),
    action: 'to-external-phone' as const,
    consent: opts.consent!,
    reason: opts.reason ?? 'Softphone not fit; calls redirected to an external phone.',
    before,
  };
  return applySwitch(agent, config, base, { softphoneEnabled: false, extension: check.e164 }, opts);
}

/**
 * Sends the whole configuration and records the outcome: `switched` with `after`, or a FailoverError
 * carrying a `failed` record in which nothing changed (`after` = `before`).
 */
async function applySwitch(
  agent: AgentLike,
  config: AgentConfigurationLike,
  base: Omit<FailoverRecord, 'status' | 'after' | 'error'>,
  after: FailoverRecord['after'],
  opts: SwitchOptions & { invalidLocale: string },
): Promise<FailoverRecord> {
  try {
    await sendConfiguration(agent, config, opts.timeoutMs ?? DEFAULT_FAILOVER_TIMEOUT_MS, opts.invalidLocale, opts.signal);
  } catch (e) {
    const err = e as FailoverError;
    throw new FailoverError(err.code, err.message, { ...base, status: 'failed', after: base.before, error: err.message }, err.params);
  }
  return { ...base, status: 'switched', after };
}

/** Switches the agent back to the softphone, restoring `extension` when given. */
export async function switchToSoftphone(
  agent: AgentLike,
  opts: SwitchOptions & { invalidLocale: string; extension?: string | null },
): Promise<FailoverRecord> {
  const now = opts.now ?? (() => new Date());
  const before = snapshotOf(agent);
  const current = agent.getConfiguration();
  const extension = opts.extension !== undefined ? opts.extension : (current.extension ?? null);
  const config: AgentConfigurationLike = { ...copyConfig(current), softphoneEnabled: true, ...(extension !== null ? { extension } : {}) };
  const base = {
    at: now().toISOString(),
    action: 'to-softphone' as const,
    consent: opts.consent!,
    reason: opts.reason ?? 'Back to the softphone.',
    before,
  };
  return applySwitch(agent, config, base, { softphoneEnabled: true, extension: extension ?? null }, opts);
}
