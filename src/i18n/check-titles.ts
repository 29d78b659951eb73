/** Check titles in the active language (small: the widget loads it up front for its progress and announcements). */
import { msg } from '@lit/localize';
import { str, type Loose } from '../report/definition/format.js';

/** The check's title in the active language; an unknown check keeps the title it came with. */
export function checkTitle(c: Loose): string {
  switch (str(c.id)) {
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
      return str(c.title) || str(c.id) || msg('Check');
  }
}
