// The per-poll path of the live call monitor, driven through a simulated 8-hour shift with an accelerated
// clock. Bundled by esbuild for Node (bench/overhead.mjs) and for Chromium (the same code in a page).
//
// One poll = what CcpController.pollPeerConnections does for the softphone's peer connection:
//   PeerConnectionSampler.sample()  (getStats payload -> AudioSnapshot -> counter deltas)
//   CallQualityMonitor.ingestPeerConnectionSample()  (MOS, verdict, bounded accumulator, live summary)
//   the `ccp-preflight-call-quality` event the widget dispatches with that summary.
// Also, every 30 simulated seconds, one SOFTPHONE_STATS payload (30 per-second entries per direction), the
// framed CCP's feed, into the same monitor.
// getStats itself is the browser's work; here each poll gets a fresh stats report shaped like Chromium's
// for an audio call (15 objects), so the measured time is our code's.
import { CallQualityMonitor, PeerConnectionSampler } from '../../src/ccp/call-quality.ts';

/** A Chromium-like getStats report (array form) for an audio call at simulated second `t`. */
function statsReport(t, st) {
  const ts = st.epoch + t * 1000;
  st.sent += 50;
  const lostNow = (t * 7919) % 100 < 2 ? 1 : 0; // ~2 % of seconds lose one packet
  st.lost += lostNow;
  st.recv += 50 - lostNow;
  const rtt = 0.08 + ((t * 13) % 20) / 1000;
  return [
    { id: 'P', type: 'peer-connection', timestamp: ts, dataChannelsOpened: 0, dataChannelsClosed: 0 },
    { id: 'CIT01_111_minptime=10;useinbandfec=1', type: 'codec', timestamp: ts, transportId: 'T01', payloadType: 111, mimeType: 'audio/opus', clockRate: 48000, channels: 2, sdpFmtpLine: 'minptime=10;useinbandfec=1' },
    { id: 'CF1', type: 'certificate', timestamp: ts, fingerprint: 'AB:CD', fingerprintAlgorithm: 'sha-256', base64Certificate: 'MIIB' },
    { id: 'CF2', type: 'certificate', timestamp: ts, fingerprint: 'EF:01', fingerprintAlgorithm: 'sha-256', base64Certificate: 'MIIC' },
    { id: 'I1', type: 'local-candidate', timestamp: ts, transportId: 'T01', address: '10.0.0.5', port: 51000, protocol: 'udp', candidateType: 'relay', priority: 41885439, url: 'turn:turn.example:3478?transport=udp', relayProtocol: 'udp', networkType: 'ethernet', isRemote: false },
    { id: 'I2', type: 'remote-candidate', timestamp: ts, transportId: 'T01', address: '52.1.2.3', port: 3478, protocol: 'udp', candidateType: 'host', priority: 2122260223, isRemote: true },
    { id: 'CP1', type: 'candidate-pair', timestamp: ts, transportId: 'T01', localCandidateId: 'I1', remoteCandidateId: 'I2', state: 'succeeded', priority: 1, nominated: true, writable: true, packetsSent: st.sent + 10, packetsReceived: st.recv + 10, bytesSent: st.sent * 160, bytesReceived: st.recv * 160, totalRoundTripTime: t * rtt, currentRoundTripTime: rtt, availableOutgoingBitrate: 300000, requestsReceived: t, requestsSent: t, responsesReceived: t, responsesSent: t, consentRequestsSent: t },
    { id: 'T01', type: 'transport', timestamp: ts, bytesSent: st.sent * 172, bytesReceived: st.recv * 172, packetsSent: st.sent, packetsReceived: st.recv, dtlsState: 'connected', selectedCandidatePairId: 'CP1', localCertificateId: 'CF1', remoteCertificateId: 'CF2', tlsVersion: 'FEFD', dtlsCipher: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', dtlsRole: 'client', srtpCipher: 'AES_CM_128_HMAC_SHA1_80', selectedCandidatePairChanges: 1, iceRole: 'controlling', iceState: 'connected' },
    { id: 'SA1', type: 'media-source', timestamp: ts, trackIdentifier: 'mic', kind: 'audio', audioLevel: 0.01, totalAudioEnergy: t * 0.001, totalSamplesDuration: t },
    { id: 'AP', type: 'media-playout', timestamp: ts, kind: 'audio', synthesizedSamplesDuration: 0, synthesizedSamplesEvents: 0, totalSamplesDuration: t, totalPlayoutDelay: t * 0.02, totalSamplesCount: t * 48000 },
    { id: 'OT01A1', type: 'outbound-rtp', timestamp: ts, ssrc: 1111, kind: 'audio', transportId: 'T01', codecId: 'CIT01_111_minptime=10;useinbandfec=1', packetsSent: st.sent, bytesSent: st.sent * 160, mid: '0', mediaSourceId: 'SA1', remoteId: 'RIA1', headerBytesSent: st.sent * 12, retransmittedPacketsSent: 0, retransmittedBytesSent: 0, targetBitrate: 32000, totalPacketSendDelay: 0, nackCount: 0, active: true },
    { id: 'IT01A2', type: 'inbound-rtp', timestamp: ts, ssrc: 2222, kind: 'audio', transportId: 'T01', codecId: 'CIT01_111_minptime=10;useinbandfec=1', packetsReceived: st.recv, packetsLost: st.lost, jitter: 0.004 + ((t * 3) % 5) / 1000, bytesReceived: st.recv * 160, headerBytesReceived: st.recv * 12, lastPacketReceivedTimestamp: ts, jitterBufferDelay: t * 0.04 * 48000, jitterBufferTargetDelay: t * 0.04 * 48000, jitterBufferMinimumDelay: t * 0.03 * 48000, jitterBufferEmittedCount: t * 48000, totalSamplesReceived: t * 48000, concealedSamples: st.lost * 960, silentConcealedSamples: 0, concealmentEvents: st.lost, insertedSamplesForDeceleration: 0, removedSamplesForAcceleration: 0, audioLevel: 0.02, totalAudioEnergy: t * 0.001, totalSamplesDuration: t, playoutId: 'AP', fecPacketsReceived: 0, fecPacketsDiscarded: 0, nackCount: 0, trackIdentifier: 'remote', mid: '0' },
    { id: 'RIA1', type: 'remote-inbound-rtp', timestamp: ts, ssrc: 1111, kind: 'audio', transportId: 'T01', codecId: 'CIT01_111_minptime=10;useinbandfec=1', packetsLost: st.lost, jitter: 0.003, localId: 'OT01A1', roundTripTime: rtt, totalRoundTripTime: t * rtt, fractionLost: 0, roundTripTimeMeasurements: t },
    { id: 'ROA2', type: 'remote-outbound-rtp', timestamp: ts, ssrc: 2222, kind: 'audio', transportId: 'T01', codecId: 'CIT01_111_minptime=10;useinbandfec=1', packetsSent: st.recv + st.lost, bytesSent: (st.recv + st.lost) * 160, localId: 'IT01A2', remoteTimestamp: ts, reportsSent: t, roundTripTimeMeasurements: 0, totalRoundTripTime: 0 },
  ];
}

/** A SOFTPHONE_STATS payload as the framed CCP publishes it: 30 per-second entries per direction. */
function softphoneStats(contactId, tEnd, epoch) {
  const stats = [];
  for (let i = 29; i >= 0; i--) {
    const ts = new Date(epoch + (tEnd - i) * 1000).toISOString();
    for (const dir of ['audio_input', 'audio_output']) {
      stats.push({ softphoneStreamType: dir, timestamp: ts, packetsLost: i % 40 === 0 ? 1 : 0, packetsCount: 50, audioLevel: 100, jitterBufferMillis: 40, roundTripTimeMillis: 80 + (i % 7) });
    }
  }
  return { contactId, ccpVersion: 'bench', stats };
}

/** CPU/wall cost of building the synthetic stats reports alone (subtracted from the process CPU figure). */
export function baseline({ shiftH = 8, callS = 300, pollEveryS = 1, hooks }) {
  const polls = Math.floor((shiftH * 3600) / pollEveryS);
  let st = null;
  let keep = 0;
  const c0 = hooks.cpu?.() ?? null;
  const t0 = hooks.now();
  for (let i = 0; i < polls; i++) {
    const t = (i + 1) * pollEveryS;
    if (!st || t % callS === 1) st = { epoch: 0, sent: 0, recv: 0, lost: 0 };
    keep += statsReport(t, st).length;
  }
  const wall = hooks.now() - t0;
  const c1 = hooks.cpu?.() ?? null;
  return { polls, keep, cpuUsPerPoll: c0 !== null ? (c1 - c0) / polls : null, wallMsPerPoll: wall / polls };
}

/**
 * Runs the shift. `hooks` = { now(): ms (high-res), cpu(): µs or null, heap(): bytes or null, gc(): void }.
 * Returns per-poll times and heap checkpoints. One poll per simulated second, calls of `callS` seconds
 * back to back, `shiftH` hours.
 */
export async function runShift({ shiftH = 8, callS = 300, pollEveryS = 1, hooks, onEvent }) {
  const epoch = Date.UTC(2026, 0, 1, 8, 0, 0);
  let simNow = epoch;
  const target = new EventTarget();
  let events = 0;
  target.addEventListener('ccp-preflight-call-quality', (e) => { events++; onEvent?.(e); });
  const monitor = new CallQualityMonitor({
    now: () => simNow,
    onQuality: (detail) => target.dispatchEvent(new CustomEvent('ccp-preflight-call-quality', { detail, bubbles: true, composed: true })),
  });
  const totalS = shiftH * 3600;
  const wallStart = hooks.now();
  const polls = Math.floor(totalS / pollEveryS);
  const pollMs = new Float64Array(polls);
  const spMs = [];
  const heap = [];
  const checkpoint = (label) => {
    hooks.gc?.();
    heap.push({ label, atS: (simNow - epoch) / 1000, bytes: hooks.heap?.() ?? null, calls: monitor.summaries().length, dropped: monitor.droppedCalls });
  };

  /** @type {{ id: string, startS: number, st: { epoch: number, sent: number, recv: number, lost: number }, sampler?: any, next?: any } | null} */
  let call = null;
  let callNo = 0;
  // CPU time of the polls only: checkpoints (gc, heap reads) are paused out.
  let cpuSpent = 0;
  let cpuSeg = hooks.cpu?.() ?? null;
  let cpuMid = null;
  const pauseCpu = (fn) => {
    if (cpuSeg !== null) cpuSpent += hooks.cpu() - cpuSeg;
    fn();
    cpuSeg = hooks.cpu?.() ?? null;
  };
  for (let i = 0; i < polls; i++) {
    const t = (i + 1) * pollEveryS;
    simNow = epoch + t * 1000;
    if (!call || t - call.startS >= callS) {
      if (call) monitor.endCall(call.id, simNow);
      callNo++;
      call = { id: `contact-${callNo}`, startS: t, st: { epoch, sent: 0, recv: 0, lost: 0 } };
      const c = call;
      // getStats hands back the report built before the timer starts: its cost is the browser's, not ours.
      c.sampler = new PeerConnectionSampler({ getStats: async () => c.next });
      c.next = statsReport(t, c.st);
      await c.sampler.sample(); // the first sample only primes the deltas, as in the controller
      if (callNo === 2 && !heap.length) pauseCpu(() => checkpoint('start (after the first call)'));
    }
    call.next = statsReport(t, call.st);
    // ---- one poll ----
    const t0 = hooks.now();
    const s = await call.sampler.sample();
    if (s) monitor.ingestPeerConnectionSample(call.id, { atMs: simNow, ...s });
    pollMs[i] = hooks.now() - t0;
    // ---- every 30 s: the framed CCP's SOFTPHONE_STATS for the same call ----
    if (t % 30 === 0) {
      const payload = softphoneStats(call.id, t, epoch);
      const t1 = hooks.now();
      monitor.ingestSoftphoneStats(payload);
      spMs.push(hooks.now() - t1);
    }
    if (i === Math.floor(polls / 2)) {
      pauseCpu(() => {
        cpuMid = cpuSeg !== null ? cpuSpent : null;
        checkpoint(`mid (${shiftH / 2} h)`);
      });
    }
  }
  if (cpuSeg !== null) cpuSpent += hooks.cpu() - cpuSeg;
  const wallMs = hooks.now() - wallStart;
  if (call) monitor.endCall(call.id, simNow);
  checkpoint(`end (${shiftH} h)`);
  return {
    polls,
    calls: callNo,
    events,
    pollMs: Array.from(pollMs),
    meanPollMs: pollMs.reduce((a, b) => a + b, 0) / polls,
    wallMs,
    softphoneStatsMs: spMs,
    cpuUsPerPoll: cpuSeg !== null ? cpuSpent / polls : null,
    cpuSecondHalfUsPerPoll: cpuMid !== null ? (cpuSpent - cpuMid) / (polls - Math.floor(polls / 2) - 1) : null,
    heap,
    keptCalls: monitor.summaries().length,
    droppedCalls: monitor.droppedCalls,
  };
}
