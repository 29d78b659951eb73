/** Check titles in the active language (small: the widget loads it up front for its progress and announcements). */
import { msg, str } from '@lit/localize';
import { str as asStr, type Loose } from '../report/definition/format.js';
import { getLocale } from './runtime.js';

/** The check's title in the active language; an unknown check keeps the title it came with. */
export function checkTitle(c: Loose): string {
  switch (asStr(c.id)) {
    case 'browser':
      return msg('Browser');
    case 'workstation':
      return msg('Workstation');
    case 'devices':
      return msg('Microphone and headset');
    case 'ccp':
      return msg('Contact Control Panel');
    case 'endpoints':
      return msg('Endpoints (TCP 443)');
    case 'ice-udp':
      return msg('STUN/TURN over UDP');
    case 'ice-tcp':
      return msg('TURN over TCP');
    case 'ice-tls':
      return msg('TURN over TLS');
    case 'media':
      return msg('Test call');
    case 'bandwidth':
      return msg('Bandwidth');
    default:
      return asStr(c.title) || asStr(c.id) || msg('Check');
  }
}

/**
 * A run's progress phrase in the active language (the widget and the CLI): the checks' own detailed words in
 * English; in another language the check's title ("Checking: Test call"), and the end of the run in words.
 */
export function progressPhrase(p: { phrase?: string | undefined; checkId?: string | undefined } | undefined): string | undefined {
  if (!p?.phrase) return undefined;
  if (getLocale() === 'en') return p.phrase;
  if (p.checkId) return msg(str`Checking: ${checkTitle({ id: p.checkId })}`);
  if (p.phrase === 'Done.') return msg('Done.');
  if (p.phrase === 'Cancelled.') return msg('Cancelled.');
  return p.phrase;
}

/** The CLI's early line when the first check fails (the other checks go on, for IT). */
export function earlyFailLine(title: string, seconds: string): string {
  return msg(str`Verdict: fail (${title} failed, after ${seconds} s). The other checks go on, for IT.`);
}
