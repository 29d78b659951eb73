/**
 * A failed phone switch, said in the agent's language (DOM-free). A FailoverError carries its English sentence
 * (for events, logs and the report) and the figures that sentence uses (`params`); here the sentence is made again
 * from the code and those figures in the active language. English shows the error's own sentence; a code or a
 * combination this version does not know shows it too.
 */
import { msg, str } from '@lit/localize';
import { getLocale } from './runtime.js';

/** What the widget knows of a failover error (src/ccp/failover.ts FailoverError). */
export interface FailoverErrorLike {
  code?: string;
  message: string;
  params?: Readonly<{ number?: string; country?: string; allowed?: string; seconds?: number; detail?: string; step?: string }>;
}

/** The error's sentence in the active language (its own English sentence in English or when unknown). */
export function failoverErrorText(e: FailoverErrorLike): string {
  if (getLocale() === 'en') return e.message;
  return failoverFromCode(e) ?? e.message;
}

/** The sentence for a code and its params in the active language; undefined when this version does not know it. Exported for tests. */
export function failoverFromCode(e: FailoverErrorLike): string | undefined {
  const p = e.params ?? {};
  switch (e.code) {
    case 'no-ccp':
      return p.step === 'closed'
        ? msg('The CCP was closed before it confirmed the phone change. Check the phone setting in the CCP before taking calls.')
        : msg('The CCP is not connected, so the phone setting cannot be changed from here. Log in to the CCP first.');
    case 'no-ccp-to-switch':
      return msg('The phone cannot be switched from here: the check is not connected to the Contact Control Panel (CCP). Nothing was changed. Tell IT.');
    case 'not-ready':
      return msg("The CCP has not sent the agent's data yet; try again in a moment.");
    case 'consent-required':
      return msg("Switching to an external phone needs the agent's explicit consent (or a host failover policy). Nothing was changed.");
    case 'invalid-format':
      return msg(str`"${p.number ?? ''}" is not an E.164 phone number. Write it with + and the country code, digits only, no spaces (for example +14155550123).`);
    case 'invalid-number':
      return msg(str`${p.number ?? ''} is not a valid phone number for its country code. Check the digits.`);
    case 'country-unknown':
      return msg(str`${p.number ?? ''} belongs to no single country (a non-geographic number), so it cannot be checked against the countries your instance may dial. Use a regular landline or mobile number.`);
    case 'country-not-dialable':
      return p.allowed
        ? msg(str`Your Amazon Connect instance may not call ${p.country ?? ''} numbers (it may call: ${p.allowed}). Use a number in one of those countries, or ask an admin to allow ${p.country ?? ''}.`)
        : msg(str`Your Amazon Connect instance may not call any country's numbers, so it cannot call ${p.country ?? ''}. Ask an admin to allow ${p.country ?? ''}.`);
    case 'invalid-locale':
      return msg("The CCP refused the change because the agent's language setting is not one Streams accepts (InvalidLocale). Set the language in the CCP settings, then try again.");
    case 'rejected':
      return p.step === 'send'
        ? msg(str`The CCP could not send the phone change (${p.detail ?? ''}). Nothing was changed.`)
        : msg(str`Amazon Connect refused the phone change (${p.detail ?? ''}). Nothing was changed.`);
    case 'timeout':
      return typeof p.seconds === 'number'
        ? msg(str`The CCP did not confirm the phone change within ${p.seconds} s. Check the phone setting in the CCP before taking calls.`)
        : undefined;
    case 'already-softphone':
      return msg('The agent already uses the softphone; nothing to restore.');
    case 'busy':
      return msg('A phone change is already in progress; wait for it to finish.');
    default:
      return undefined;
  }
}
