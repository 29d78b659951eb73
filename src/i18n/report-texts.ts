/**
 * A report's words in the reader's language (DOM-free: the report view and the terminal text both use it).
 * A report stores each finding as its check id, `code` and measured `data`, plus the writer's English sentence
 * (`summary`, `remedies[].text`). Here the sentence is made again from the code and the figures in the active
 * language; a code this version does not know (a newer check, an older report) shows the writer's words.
 * Nothing translated is stored in a report, so share codes stay as short as before.
 *
 * In English the writer's own sentence is shown (it may hold more detail than one code says).
 */
import { msg, str } from '@lit/localize';
import { arr, fmt, num, obj, str as asStr, type Loose } from '../report/definition/format.js';
import { getLocale } from './runtime.js';
import { listText } from './format-texts.js';

import { checkTitle } from './check-titles.js';

export { checkTitle };

/** Who acts on a remedy, in the active language ('' for none). */
export function audienceWord(audience: string): string {
  switch (audience) {
    case 'network-admin':
      return msg('Network team');
    case 'it':
      return msg('IT');
    case 'supervisor':
      return msg('Supervisor');
    case 'agent':
      return msg('Agent');
    default:
      return '';
  }
}

/** The finding of a check (its summary) in the active language, or the writer's words when its code is unknown. */
export function findingText(c: Loose): string {
  if (getLocale() === 'en') return asStr(c.summary);
  return findingFromCode(asStr(c.id), asStr(c.verdict), asStr(c.code), obj(c.data)) ?? asStr(c.summary);
}

/** 'en' when findingText shows the writer's English words in another language (a code this version does not know). */
export function findingLang(c: Loose): 'en' | undefined {
  return getLocale() !== 'en' && findingFromCode(asStr(c.id), asStr(c.verdict), asStr(c.code), obj(c.data)) === undefined ? 'en' : undefined;
}

const list = (items: string[]): string => listText(items);

/** Hosts of the servers of an ICE check's data (no credentials are in a report). */
const iceServers = (d: Loose): string => list(arr(d.servers).map((s) => asStr(obj(s).url)).filter(Boolean)) || '—';

/**
 * The codes the runner gives any check (src/runner.ts, src/checks/untested.ts): it hung, failed unexpectedly, was
 * cancelled, found no relay on any transport, or got no media servers from the CCP.
 */
function runnerFinding(id: string, code: string): string | undefined {
  const title = checkTitle({ id });
  switch (code) {
    case 'timeout':
      return msg(str`${title}: no answer in time (a browser feature, the network or a server hung). Run the check again; if it happens again, send this report to IT.`);
    case 'error':
      return msg(str`${title} failed unexpectedly. Run the check again; if it happens again, send this report to IT.`);
    case 'aborted':
      return msg('Not finished: the run was cancelled.');
    case 'no-relay-anywhere':
      return msg('Not run: no relay server worked on any transport (UDP, TCP or TLS), so there was no path for a test call.');
    case 'ccp-no-servers':
      return id === 'media'
        ? msg("No test call was made: the Contact Control Panel did not hand out its media servers, so the softphone's path was not tested.")
        : id === 'bandwidth'
          ? msg("Throughput was not measured: the Contact Control Panel did not hand out its media servers, so the softphone's path was not tested.")
          : msg("This path was not tested: the Contact Control Panel did not hand out its media servers.");
    default:
      return undefined;
  }
}

/** A Chromium-based browser other than Chrome (Edge, Opera, Brave...), and its engine's age when it is behind. */
function chromiumBased(d: Loose): string {
  const label = [asStr(d.name) || msg('This browser'), num(d.major) !== null ? fmt(d.major) : ''].filter(Boolean).join(' ');
  const base = msg(str`${label} is built on Chromium, like Chrome, but is not on Amazon Connect's list of supported browsers: calls usually work in it, but without support. Use Google Chrome or Mozilla Firefox for calls.`);
  const standing = asStr(d.versionStanding);
  const engine = num(d.engineMajor) ?? num(d.major);
  if ((standing === 'outdated' || standing === 'too-old') && engine !== null) return `${base} ${msg(str`Its Chromium engine (${fmt(engine)}) is older than the latest three Chrome versions: update it.`)}`;
  return base;
}

/**
 * The sentence of one finding from its check id, verdict, code and data; undefined for a combination this
 * version does not know. Exported for tests.
 */
export function findingFromCode(id: string, verdict: string, code: string, d: Loose): string | undefined {
  if (verdict === 'pass' && !code) return passSentence(id, d);
  switch (`${id}:${code}`) {
    // Browser
    case 'browser:insecure-context':
      return msg('This page is not served over https, so the browser does not allow the microphone or calls.');
    case 'browser:webrtc-missing':
      return msg('This browser lacks the calling features (WebRTC) the softphone needs.');
    case 'browser:unsupported-browser':
      return msg('This browser is not supported by the Amazon Connect softphone: use the latest Google Chrome or Mozilla Firefox.');
    case 'browser:chromium-based':
      return chromiumBased(d);
    case 'browser:api-missing-optional':
      return msg('This browser lacks some features this test uses (a data channel or the Web Audio engine), so some tests cannot run here; calls may still work.');
    case 'browser:firefox-split-model':
      return msg("This page runs the CCP without call audio, so call audio goes through a second CCP on your own computer. That CCP must not run in Firefox: Firefox lets it use the microphone only while its tab is in front, so callers would stop hearing you. Open that CCP in Google Chrome.");
    case 'browser:too-old':
    case 'browser:outdated':
    case 'browser:esr-outdated':
      return msg(str`This browser version (${fmt(d.major)}) is older than the versions Amazon Connect supports (${fmt(d.minSupportedMajor)} or later).`);
    // Workstation
    case 'workstation:load-unknown':
      return msg("Could not tell whether the computer is busy (the browser slowed this page's timers). Keep the page in front while testing.");
    case 'workstation:low-memory':
      return msg(str`This computer has little memory (${fmt(d.deviceMemoryGb, 'GB', 1)}) for the softphone.`);
    case 'workstation:cpu-slow':
    case 'workstation:cpu-slow-busy':
    case 'workstation:cpu-borderline':
      return msg(str`The processor is slow for calls (about ${fmt(d.cpuGhzEstimate, 'GHz', 1)}).`);
    case 'workstation:busy':
      return msg(str`The computer is busy: the page was delayed by ${fmt(d.eventLoopLagMs, 'ms')}.`);
    // Microphone and headset
    case 'devices:no-capture-api':
      return msg('This browser cannot use a microphone from a web page. Use an up-to-date Google Chrome or Mozilla Firefox over https.');
    case 'devices:level-unknown':
      return msg('The microphone level could not be measured.');
    case 'devices:firefox-sample-rate':
      return msg("In Firefox, calls use 48 kHz audio, but the headset or Firefox's audio here does not run at 48 kHz: Amazon reports that callers then hear a hum. Set the headset to 48000 Hz in the computer's sound settings (microphone and speakers), or take calls in Google Chrome.");
    case 'devices:sample-rate-unverified':
      return msg("Firefox does not tell which sample rate the microphone uses. If callers hear a hum, set the headset to 48000 Hz in the computer's sound settings (microphone and speakers), or take calls in Google Chrome.");
    case 'devices:headset-unknown':
      return msg('The kind of microphone could not be told from its name. Amazon recommends a USB headset.');
    case 'devices:outputs-unknown':
      return msg('This browser does not say which speakers or headphones are present.');
    case 'devices:permission-denied':
    case 'devices:os-permission-denied':
      return msg('The microphone is blocked for this site, so the softphone cannot send your voice.');
    case 'devices:no-microphone':
      return msg('No microphone was found: plug in a headset.');
    case 'devices:mic-busy':
      return msg('The microphone is in use by another application.');
    case 'devices:mic-silent':
      return msg('The microphone records only silence: it may be muted or the wrong one.');
    case 'devices:mic-clipping':
      return msg('The microphone is too loud (the sound clips).');
    case 'devices:headset-bluetooth':
      return msg('A Bluetooth headset is in use; Amazon recommends a wired USB headset for calls.');
    case 'devices:headset-builtin':
      return msg("The computer's built-in microphone is in use; Amazon recommends a USB headset.");
    case 'devices:permission-timeout':
    case 'devices:capture-timeout':
      return msg('The microphone did not answer in time.');
    case 'devices:capture-error':
      return msg('The microphone could not be opened.');
    // Contact Control Panel
    case 'ccp:not-configured':
      return msg('No Contact Control Panel was set up for this check.');
    case 'ccp:login-needed':
      return msg('The agent is not logged in to the CCP (or the CCP page could not be reached).');
    case 'ccp:auth-failed':
      return msg('The CCP refused the login: it has expired or was not accepted.');
    case 'ccp:access-denied':
      return msg('The CCP denied access: this user may not use the CCP here.');
    case 'ccp:iframe-retries-exhausted':
      return msg('The CCP did not load after several tries.');
    case 'ccp:timeout':
      return msg('The CCP gave no answer in time.');
    case 'ccp:load-error':
      return msg('The CCP could not be loaded.');
    case 'ccp:no-agent':
      return msg('The CCP answered but sent no agent data in time.');
    case 'ccp:softphone-errors':
      return msg('The softphone reported errors.');
    case 'ccp:missed-call':
      return msg('The agent is in the Missed Call state and receives no calls until set back to Available.');
    case 'ccp:websocket-lost':
      return msg("The CCP's live connection (WebSocket) is lost.");
    case 'ccp:transport-failed':
      return msg("The CCP did not hand out the softphone's relay servers (TURN).");
    case 'browser:version-unknown':
      return msg('The browser version could not be read, so it could not be checked against the supported versions.');
    case 'devices:no-output-device':
      return msg('No speakers or headphones were found.');
    case 'devices:headset-virtual':
      return msg('A virtual audio device is in use; Amazon recommends a USB headset.');
    case 'devices:audio-suspended':
      return msg('The browser kept the audio paused, so the microphone level could not be measured.');
    case 'workstation:memory-unknown':
      return msg('The browser does not say how much memory this computer has.');
    case 'workstation:cpu-unmeasured':
      return msg('The processor speed could not be measured.');
    // Relay servers (STUN/TURN)
    case 'ice-udp:turn-auth-failed':
    case 'ice-tcp:turn-auth-failed':
    case 'ice-tls:turn-auth-failed':
      return msg(str`The relay server refused the sign-in (the TURN credential is wrong or expired): ${iceServers(d)}.`);
    case 'ice-udp:turn-unreachable':
    case 'ice-tcp:turn-unreachable':
    case 'ice-tls:turn-unreachable':
    case 'ice-udp:no-relay':
    case 'ice-tcp:no-relay':
    case 'ice-tls:no-relay':
      return msg(str`The relay server for call audio could not be reached: ${iceServers(d)}.`);
    case 'ice-udp:stun-unreachable':
    case 'ice-udp:no-srflx':
    case 'ice-tcp:stun-unreachable':
    case 'ice-tcp:no-srflx':
    case 'ice-tls:stun-unreachable':
    case 'ice-tls:no-srflx':
      return msg(str`No answer from the STUN server: ${iceServers(d)}.`);
    case 'ice-udp:partial':
    case 'ice-tcp:partial':
    case 'ice-tls:partial':
      return msg(str`A relay works, but some relay servers failed: ${iceServers(d)}.`);
    case 'ice-udp:no-servers':
    case 'ice-tcp:no-servers':
    case 'ice-tls:no-servers':
    case 'media:no-servers':
    case 'bandwidth:no-servers':
      return msg('Not run: no relay servers (STUN/TURN) were configured or handed out by the CCP.');
    case 'ice-tls:no-turns-url':
    case 'ice-udp:no-turns-url':
    case 'ice-tcp:no-turns-url':
    case 'media:no-turn-url':
    case 'bandwidth:no-turn-url':
      return msg('Not run: no suitable relay server address (TURN) is configured.');
    // Test call and bandwidth
    case 'media:no-audio-source':
      return msg('No audio source could be made for the test call, so the call was not measured. Reload the page and run the check again.');
    case 'media:call-failed':
      return msg(str`The test call through ${asStr(d.serverUrl) || '—'} did not carry audio: the relay or the network drops it.`);
    case 'bandwidth:call-failed':
      return msg('The throughput test could not connect through the relay, so nothing was measured.');
    case 'bandwidth:low-bandwidth':
    case 'bandwidth:limited-by-loss':
      return msg(str`Throughput through the relay is ${fmt(Math.min(num(d.upKbps) ?? Infinity, num(d.downKbps) ?? Infinity), 'kbit/s')}, below the ${fmt(d.requiredKbps, 'kbit/s')} a softphone needs.`);
    default:
      if (id === 'media' && (verdict === 'warn' || verdict === 'fail') && num(d.rttMs) !== null) return mediaSentence(d, verdict);
      if (id === 'endpoints' && (verdict === 'warn' || verdict === 'fail')) return endpointsSentence(d, verdict);
      return runnerFinding(id, code);
  }
}

function mediaSentence(d: Loose, verdict: string): string {
  const figures = msg(str`round trip ${fmt(d.rttMs, 'ms')}, jitter ${fmt(d.jitterMs, 'ms', 1)}, packet loss ${fmt(d.lossPct, '%', 1)}, MOS ${fmt(d.mos, '', 2)}`);
  return verdict === 'fail' ? msg(str`The test call sounded too poor for calls: ${figures}.`) : msg(str`The test call may sound choppy: ${figures}.`);
}

function endpointsSentence(d: Loose, verdict: string): string {
  const bad = arr(d.endpoints).map(obj).filter((e) => asStr(e.outcome) && asStr(e.outcome) !== 'ok').map((e) => asStr(e.url));
  if (!bad.length) return verdict === 'fail' ? msg('Some Amazon Connect addresses could not be reached.') : msg('Some Amazon Connect addresses answer slowly or not always.');
  return verdict === 'fail' ? msg(str`These Amazon Connect addresses could not be reached or answered badly: ${list(bad)}.`) : msg(str`These Amazon Connect addresses answer slowly or not always: ${list(bad)}.`);
}

function passSentence(id: string, d: Loose): string | undefined {
  switch (id) {
    case 'browser':
      return msg('This browser supports the softphone.');
    case 'workstation':
      return msg('This computer is fast enough for calls.');
    case 'devices':
      return msg('The microphone works.');
    case 'ccp':
      return msg('The Contact Control Panel is connected.');
    case 'endpoints':
      return msg('Every Amazon Connect address tested answers over TCP 443.');
    case 'ice-udp':
    case 'ice-tcp':
    case 'ice-tls':
      return msg(str`The relay servers work: ${iceServers(d)}.`);
    case 'media':
      return msg(str`The test call sounded good: round trip ${fmt(d.rttMs, 'ms')}, jitter ${fmt(d.jitterMs, 'ms', 1)}, packet loss ${fmt(d.lossPct, '%', 1)}, MOS ${fmt(d.mos, '', 2)}.`);
    case 'bandwidth':
      return msg(str`Throughput through the relay is enough for calls: ${fmt(d.upKbps, 'kbit/s')} up, ${fmt(d.downKbps, 'kbit/s')} down.`);
    default:
      return undefined;
  }
}
