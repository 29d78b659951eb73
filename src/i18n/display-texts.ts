/**
 * The display metadata's words (src/report/definition/display.ts: labels, coded values, "missing" texts) in the
 * active language. display.ts stays plain English data; the rows (./rows.ts) pass each word through
 * displayText(), and display.ts's show() functions use it for the words inside composite values (their phrases,
 * such as "yes, 42 ms", are msg() calls in display.ts itself: one owner for each text). A word without an entry
 * here shows in English (test/unit/i18n-complete.test.ts lists every label and word of display.ts and fails when
 * one has no entry).
 */
import { msg } from '@lit/localize';
import { getLocale } from './runtime.js';

/** The English words that have a translation (for the completeness test). */
export const DISPLAY_WORDS: readonly string[] = [
  'Browser',
  'Version',
  'Up to date',
  'yes, one of the latest three',
  'no, older than the latest three',
  'no, too old for the softphone',
  'unknown',
  'not applicable',
  'Supported versions',
  'Secure page (https)',
  'Missing calling features (WebRTC)',
  'Engine',
  'Engine version',
  'Version table date',
  'Version table',
  'shipped with the tool',
  'set by the page',
  'CPU speed (estimate)',
  'Processor cores',
  'Memory',
  'not reported by the browser',
  'Load',
  'idle',
  'busy',
  'Page delay (event loop lag)',
  'Benchmark spread',
  'Microphone permission',
  'allowed',
  'blocked',
  'not asked yet',
  'Microphone records',
  'Input level',
  'silent',
  'fine',
  'too loud (clipping)',
  'Average level',
  'Peak level',
  'Samples at full scale',
  'Microphone in use',
  'Speakers and headphones',
  'Microphones',
  'Name',
  '(no name)',
  'Kind',
  'analog (jack)',
  'built-in',
  'virtual',
  'Default',
  'default',
  'Contact Control Panel',
  'connected',
  'needs a login',
  'login refused',
  'access denied',
  'did not load after several tries',
  'no answer',
  'not set up',
  'error',
  'Mode',
  'calls in this browser',
  'without audio (VDI)',
  'none',
  'Call audio plays',
  'in this browser',
  'on the local desktop (VDI)',
  'on a phone',
  'Calls ring',
  'Agent status',
  'Live connection',
  'lost',
  'Relay servers handed out',
  'Missed call',
  'yes',
  'Address',
  'Streams library version',
  'Softphone errors seen',
  'Error',
  'Message',
  'When',
  'Amazon Connect addresses (TCP 443)',
  'What it is',
  'your instance (CloudFront)',
  'call signaling',
  'media',
  'Region',
  'custom',
  'Result',
  'Median',
  'First request',
  'Delay to each Amazon Connect Region',
  'reachable',
  'slow',
  'name not found (DNS)',
  'not tried',
  'Closest Region',
  "Your instance's Region",
  'Recommendation',
  'Live connection (WebSocket)',
  'Relay servers from',
  'your Amazon Connect instance',
  'the page settings',
  'none configured',
  'Relay servers tested',
  'Server',
  'Public address found (STUN)',
  'Relay works (TURN)',
  'Relay address',
  'Errors',
  'Round trip to the relay',
  'Jitter',
  'Packet loss',
  'Call quality (MOS, 1 to 5)',
  'Sent / received',
  'Packets sent / received / lost',
  'Transport',
  'Relay server',
  'Codec',
  'Round trip cross-checks',
  'Test call length',
  'Stopped early (verdict clear)',
  'Packets out of order',
  'Test call',
  'Upload',
  'Download',
  'Needed',
  'Reachable with the measured loss',
  'How it was measured',
  'not listed by this browser',
  'not measured',
  'Round trip',
  'Loss',
  'Call quality (MOS)',
  'warning',
  'fail',
  'good',
  'no',
  'fair',
  'poor',
];

/** A display word in the active language; unknown words (and English) as given. */
export function displayText(en: string): string {
  if (getLocale() === 'en') return en;
  switch (en) {
    case 'Browser':
      return msg('Browser');
    case 'Version':
      return msg('Version');
    case 'Up to date':
      return msg('Up to date');
    case 'yes, one of the latest three':
      return msg('yes, one of the latest three');
    case 'no, older than the latest three':
      return msg('no, older than the latest three');
    case 'no, too old for the softphone':
      return msg('no, too old for the softphone');
    case 'unknown':
      return msg('unknown');
    case 'not applicable':
      return msg('not applicable');
    case 'Supported versions':
      return msg('Supported versions');
    case 'Secure page (https)':
      return msg('Secure page (https)');
    case 'Missing calling features (WebRTC)':
      return msg('Missing calling features (WebRTC)');
    case 'Engine':
      return msg('Engine');
    case 'Engine version':
      return msg('Engine version');
    case 'Version table date':
      return msg('Version table date');
    case 'Version table':
      return msg('Version table');
    case 'shipped with the tool':
      return msg('shipped with the tool');
    case 'set by the page':
      return msg('set by the page');
    case 'CPU speed (estimate)':
      return msg('CPU speed (estimate)');
    case 'Processor cores':
      return msg('Processor cores');
    case 'Memory':
      return msg('Memory');
    case 'not reported by the browser':
      return msg('not reported by the browser');
    case 'Load':
      return msg('Load');
    case 'idle':
      return msg('idle');
    case 'busy':
      return msg('busy');
    case 'Page delay (event loop lag)':
      return msg('Page delay (event loop lag)');
    case 'Benchmark spread':
      return msg('Benchmark spread');
    case 'Microphone permission':
      return msg('Microphone permission');
    case 'allowed':
      return msg('allowed');
    case 'blocked':
      return msg('blocked');
    case 'not asked yet':
      return msg('not asked yet');
    case 'Microphone records':
      return msg('Microphone records');
    case 'Input level':
      return msg('Input level');
    case 'silent':
      return msg('silent');
    case 'fine':
      return msg('fine');
    case 'too loud (clipping)':
      return msg('too loud (clipping)');
    case 'Average level':
      return msg('Average level');
    case 'Peak level':
      return msg('Peak level');
    case 'Samples at full scale':
      return msg('Samples at full scale');
    case 'Microphone in use':
      return msg('Microphone in use');
    case 'Speakers and headphones':
      return msg('Speakers and headphones');
    case 'Microphones':
      return msg('Microphones');
    case 'Name':
      return msg('Name');
    case '(no name)':
      return msg('(no name)');
    case 'Kind':
      return msg('Kind');
    case 'analog (jack)':
      return msg('analog (jack)');
    case 'built-in':
      return msg('built-in');
    case 'virtual':
      return msg('virtual');
    case 'Default':
      return msg('Default');
    case 'default':
      return msg('default');
    case 'Contact Control Panel':
      return msg('Contact Control Panel');
    case 'connected':
      return msg('connected');
    case 'needs a login':
      return msg('needs a login');
    case 'login refused':
      return msg('login refused');
    case 'access denied':
      return msg('access denied');
    case 'did not load after several tries':
      return msg('did not load after several tries');
    case 'no answer':
      return msg('no answer');
    case 'not set up':
      return msg('not set up');
    case 'error':
      return msg('error');
    case 'Mode':
      return msg('Mode');
    case 'calls in this browser':
      return msg('calls in this browser');
    case 'without audio (VDI)':
      return msg('without audio (VDI)');
    case 'none':
      return msg('none');
    case 'Call audio plays':
      return msg('Call audio plays');
    case 'in this browser':
      return msg('in this browser');
    case 'on the local desktop (VDI)':
      return msg('on the local desktop (VDI)');
    case 'on a phone':
      return msg('on a phone');
    case 'Calls ring':
      return msg('Calls ring');
    case 'Agent status':
      return msg('Agent status');
    case 'Live connection':
      return msg('Live connection');
    case 'lost':
      return msg('lost');
    case 'Relay servers handed out':
      return msg('Relay servers handed out');
    case 'Missed call':
      return msg('Missed call');
    case 'yes':
      return msg('yes');
    case 'Address':
      return msg('Address');
    case 'Streams library version':
      return msg('Streams library version');
    case 'Softphone errors seen':
      return msg('Softphone errors seen');
    case 'Error':
      return msg('Error');
    case 'Message':
      return msg('Message');
    case 'When':
      return msg('When');
    case 'Amazon Connect addresses (TCP 443)':
      return msg('Amazon Connect addresses (TCP 443)');
    case 'What it is':
      return msg('What it is');
    case 'your instance (CloudFront)':
      return msg('your instance (CloudFront)');
    case 'call signaling':
      return msg('call signaling');
    case 'media':
      return msg('media');
    case 'Region':
      return msg('Region');
    case 'custom':
      return msg('custom');
    case 'Result':
      return msg('Result');
    case 'Median':
      return msg('Median');
    case 'First request':
      return msg('First request');
    case 'Delay to each Amazon Connect Region':
      return msg('Delay to each Amazon Connect Region');
    case 'reachable':
      return msg('reachable');
    case 'slow':
      return msg('slow');
    case 'name not found (DNS)':
      return msg('name not found (DNS)');
    case 'not tried':
      return msg('not tried');
    case 'Closest Region':
      return msg('Closest Region');
    case "Your instance's Region":
      return msg("Your instance's Region");
    case 'Recommendation':
      return msg('Recommendation');
    case 'Live connection (WebSocket)':
      return msg('Live connection (WebSocket)');
    case 'Relay servers from':
      return msg('Relay servers from');
    case 'your Amazon Connect instance':
      return msg('your Amazon Connect instance');
    case 'the page settings':
      return msg('the page settings');
    case 'none configured':
      return msg('none configured');
    case 'Relay servers tested':
      return msg('Relay servers tested');
    case 'Server':
      return msg('Server');
    case 'Public address found (STUN)':
      return msg('Public address found (STUN)');
    case 'Relay works (TURN)':
      return msg('Relay works (TURN)');
    case 'Relay address':
      return msg('Relay address');
    case 'Errors':
      return msg('Errors');
    case 'Round trip to the relay':
      return msg('Round trip to the relay');
    case 'Jitter':
      return msg('Jitter');
    case 'Packet loss':
      return msg('Packet loss');
    case 'Call quality (MOS, 1 to 5)':
      return msg('Call quality (MOS, 1 to 5)');
    case 'Sent / received':
      return msg('Sent / received');
    case 'Packets sent / received / lost':
      return msg('Packets sent / received / lost');
    case 'Transport':
      return msg('Transport');
    case 'Relay server':
      return msg('Relay server');
    case 'Codec':
      return msg('Codec');
    case 'Round trip cross-checks':
      return msg('Round trip cross-checks');
    case 'Test call length':
      return msg('Test call length');
    case 'Stopped early (verdict clear)':
      return msg('Stopped early (verdict clear)');
    case 'Packets out of order':
      return msg('Packets out of order');
    case 'Test call':
      return msg('Test call');
    case 'Upload':
      return msg('Upload');
    case 'Download':
      return msg('Download');
    case 'Needed':
      return msg('Needed');
    case 'Reachable with the measured loss':
      return msg('Reachable with the measured loss');
    case 'How it was measured':
      return msg('How it was measured');
    case 'not listed by this browser':
      return msg('not listed by this browser');
    case 'not measured':
      return msg('not measured');
    case 'Round trip':
      return msg('Round trip');
    case 'Loss':
      return msg('Loss');
    case 'Call quality (MOS)':
      return msg('Call quality (MOS)');
    case 'warning':
      return msg('warning');
    case 'fail':
      return msg('fail');
    case 'good':
      return msg('good');
    case 'no':
      return msg('no');
    case 'fair':
      return msg('fair');
    case 'poor':
      return msg('poor');
    default:
      return en;
  }
}
