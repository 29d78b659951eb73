/**
 * Two RTCPeerConnections in this page joined through one TURN server with `iceTransportPolicy: 'relay'`,
 * so every packet between them goes workstation -> relay -> workstation. Used by the media and bandwidth
 * checks. Signaling is in-page (offer/answer and trickled candidates handed over directly); a negotiated
 * data channel (id 0) exists on both ends from the start, optionally an audio track each way.
 *
 * Always call `close()` (idempotent): it closes both connections and stops the audio source.
 */
import type { Deps } from './types.js';
import { AbortError } from '../internal/timeout.js';

export interface AudioSource {
  tracks: [MediaStreamTrack, MediaStreamTrack];
  close(): void;
}

/** A tone from WebAudio (no microphone permission needed), or the microphone when WebAudio is missing. */
export async function createAudioSource(deps: Deps): Promise<AudioSource> {
  if (deps.createAudioContext) {
    const ac = deps.createAudioContext();
    const osc = ac.createOscillator();
    osc.frequency.value = 440;
    const gain = ac.createGain();
    gain.gain.value = 0.1;
    const dest = ac.createMediaStreamDestination();
    osc.connect(gain).connect(dest);
    osc.start();
    void ac.resume().catch(() => undefined);
    const t = dest.stream.getAudioTracks()[0];
    if (t) {
      const c = t.clone();
      return {
        tracks: [t, c],
        close: () => {
          try { osc.stop(); } catch { /* stopped */ }
          t.stop();
          c.stop();
          void ac.close().catch(() => undefined);
        },
      };
    }
    void ac.close().catch(() => undefined);
  }
  const stream = await deps.getUserMedia({ audio: true });
  const t = stream.getAudioTracks()[0];
  if (!t) throw new Error('The microphone gave no audio track for the test call: check that a microphone is connected and allowed for this site, then run again.');
  const c = t.clone();
  return { tracks: [t, c], close: () => { t.stop(); c.stop(); } };
}

export interface RelayPair {
  a: RTCPeerConnection;
  b: RTCPeerConnection;
  dcA: RTCDataChannel;
  dcB: RTCDataChannel;
  /** Time from the offer to both data channels open, ms. */
  connectMs: number;
  close(): void;
}

export type RelayPairResult = { ok: true; pair: RelayPair } | { ok: false; reason: 'timeout' | 'ice-failed' | 'no-audio-source'; detail?: string };

/**
 * Connects the pair. Resolves `{ ok: false }` when the call does not connect within `timeoutMs`; rejects
 * with AbortError on abort (everything already closed).
 */
export async function openRelayPair(
  deps: Deps,
  config: RTCConfiguration,
  signal: AbortSignal,
  opts: { audio: boolean; dc: RTCDataChannelInit; timeoutMs: number },
): Promise<RelayPairResult> {
  if (signal.aborted) throw new AbortError();
  const pcs: RTCPeerConnection[] = [];
  let audio: AudioSource | undefined;
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    for (const pc of pcs) {
      try { pc.close(); } catch { /* closed */ }
    }
    audio?.close();
  };
  let handedOver = false;
  try {
    const a = deps.createPeerConnection(config);
    pcs.push(a);
    const b = deps.createPeerConnection(config);
    pcs.push(b);
    if (opts.audio) {
      try {
        audio = await createAudioSource(deps);
      } catch (e) {
        return { ok: false, reason: 'no-audio-source', detail: e instanceof Error ? e.message : String(e) };
      }
      a.addTrack(audio.tracks[0]);
      b.addTrack(audio.tracks[1]);
    }
    const dcInit: RTCDataChannelInit = { ...opts.dc, negotiated: true, id: 0 };
    const dcA = a.createDataChannel('ccp-preflight', dcInit);
    const dcB = b.createDataChannel('ccp-preflight', dcInit);
    dcA.binaryType = 'arraybuffer';
    dcB.binaryType = 'arraybuffer';
    a.addEventListener('icecandidate', (e) => { if (e.candidate) void b.addIceCandidate(e.candidate).catch(() => undefined); });
    b.addEventListener('icecandidate', (e) => { if (e.candidate) void a.addIceCandidate(e.candidate).catch(() => undefined); });
    const t0 = deps.now();
    const state = await new Promise<'ok' | 'timeout' | 'ice-failed'>((resolve, reject) => {
      let settled = false;
      const settle = (v: 'ok' | 'timeout' | 'ice-failed' | Error) => {
        if (settled) return;
        settled = true;
        deps.clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        for (const [t, ev] of [[dcA, 'open'], [dcB, 'open'], [a, 'connectionstatechange'], [b, 'connectionstatechange']] as const) t.removeEventListener(ev, check);
        if (v instanceof Error) reject(v);
        else resolve(v);
      };
      const onAbort = () => settle(new AbortError());
      const check = () => {
        if (dcA.readyState === 'open' && dcB.readyState === 'open') settle('ok');
        else if (a.connectionState === 'failed' || b.connectionState === 'failed') settle('ice-failed');
      };
      const timer = deps.setTimeout(() => settle('timeout'), opts.timeoutMs);
      signal.addEventListener('abort', onAbort, { once: true });
      for (const [t, ev] of [[dcA, 'open'], [dcB, 'open'], [a, 'connectionstatechange'], [b, 'connectionstatechange']] as const) t.addEventListener(ev, check);
      (async () => {
        await a.setLocalDescription(await a.createOffer());
        await b.setRemoteDescription(a.localDescription!);
        await b.setLocalDescription(await b.createAnswer());
        await a.setRemoteDescription(b.localDescription!);
      })().catch((e: unknown) => settle(e instanceof Error ? e : new Error(String(e))));
    });
    if (state !== 'ok') return { ok: false, reason: state };
    handedOver = true;
    return { ok: true, pair: { a, b, dcA, dcB, connectMs: deps.now() - t0, close } };
  } finally {
    if (!handedOver) close();
  }
}
