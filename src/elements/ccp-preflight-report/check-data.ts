/**
 * Key figures of each check's data, by check id. Defensive: reads through format.ts helpers, so a pasted report
 * with odd data renders what it can. Every value is a text binding (Lit escapes it).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { renderCharts, MEDIA_SERIES } from './chart.js';
import { arr, brief, fmt, fmtCi, fmtDate, isObj, num, obj, str, yesNo, type Loose } from './format.js';

type Row = readonly [label: string, value: string];

export function figures(rows: readonly (Row | null | false)[]): TemplateResult | typeof nothing {
  const shown = rows.filter((r): r is Row => !!r && r[1] !== '');
  if (!shown.length) return nothing;
  return html`<dl class="figures">
    ${shown.map(([k, v]) => html`<div class="figure"><dt>${k}</dt><dd>${v}</dd></div>`)}
  </dl>`;
}

function table(caption: string, head: readonly string[], rows: readonly (readonly string[])[]): TemplateResult | typeof nothing {
  if (!rows.length) return nothing;
  return html`<table part="table">
    <caption>${caption}</caption>
    <thead>
      <tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr>
    </thead>
    <tbody>
      ${rows.map((r) => html`<tr><th scope="row">${r[0]}</th>${r.slice(1).map((c, i) => html`<td data-label=${head[i + 1] ?? ''}>${c}</td>`)}</tr>`)}
    </tbody>
  </table>`;
}

export function renderCheckData(id: string, dataIn: unknown): TemplateResult | typeof nothing {
  const d = obj(dataIn);
  switch (id) {
    case 'browser':
      return figures([
        ['Browser', `${str(d.family) || 'unknown'} ${num(d.major) ?? ''}`.trim()],
        ['Secure context (https)', yesNo(d.secureContext)],
        ['Supported versions', num(d.minSupportedMajor) !== null ? `${fmt(d.minSupportedMajor)} to ${fmt(d.latestMajor)}` : ''],
        ['Missing WebRTC APIs', isObj(d.apis) ? Object.entries(d.apis).filter(([, v]) => v === false).map(([k]) => k).join(', ') || 'none' : ''],
        ['Version table date', str(d.versionTableDate)],
      ]);
    case 'workstation':
      return figures([
        ['CPU estimate', fmt(d.cpuGhzEstimate, 'GHz', 1)],
        ['Logical cores', fmt(d.logicalCores)],
        ['Memory', num(d.deviceMemoryGb) !== null ? fmt(d.deviceMemoryGb, 'GB', 1) : 'not reported by the browser'],
        ['Load', str(d.loadHint)],
        ['Event loop lag', num(d.eventLoopLagMs) !== null ? fmt(d.eventLoopLagMs, 'ms') : ''],
      ]);
    case 'devices': {
      const sel = obj(d.selectedInput);
      return html`${figures([
        ['Microphone permission', str(d.permission)],
        ['Capture works', yesNo(d.captureOk)],
        ['Input level', num(d.levelDbfs) !== null ? `${fmt(d.levelDbfs, 'dBFS', 1)}${str(d.level) ? ` (${str(d.level)})` : ''}` : str(d.level)],
        ['Peak', num(d.peakDbfs) !== null ? fmt(d.peakDbfs, 'dBFS', 1) : ''],
        ['Selected microphone', str(sel.label) ? `${str(sel.label)} (${str(sel.kind) || 'unknown'})` : ''],
        ['Outputs', num(d.outputs) !== null ? fmt(d.outputs) : ''],
      ])}
      ${table(
        'Microphones',
        ['Label', 'Kind', 'Default'],
        arr(d.inputs).map(obj).map((i) => [str(i.label) || '(no label)', str(i.kind) || 'unknown', i.isDefault === true ? 'default' : '']),
      )}`;
    }
    case 'endpoints': {
      const ws = obj(d.websocket);
      return html`${table(
        'Endpoints (TCP 443)',
        ['URL', 'Role', 'Outcome', 'Median'],
        arr(d.endpoints).map(obj).map((e) => [str(e.url), str(e.role), str(e.outcome) + (str(e.detail) ? `: ${str(e.detail)}` : ''), fmt(e.medianMs, 'ms')]),
      )}
      ${table(
        'Latency per Connect region',
        ['Region', 'Median', 'Outcome', 'Note'],
        arr(d.regions).map(obj).map((r) => [
          str(r.region),
          fmt(r.medianMs, 'ms'),
          str(r.outcome),
          [str(r.region) === str(d.bestRegion) ? 'closest' : '', str(r.region) === str(d.instanceRegion) ? 'instance region' : ''].filter(Boolean).join(', '),
        ]),
      )}
      ${figures([
        ['Recommendation', str(d.recommendation)],
        ['WebSocket', str(ws.outcome) ? `${str(ws.outcome)}${str(ws.detail) ? `: ${str(ws.detail)}` : ''}` : ''],
      ])}`;
    }
    case 'ice-udp':
    case 'ice-tcp':
    case 'ice-tls':
      return html`${figures([['ICE servers from', str(d.source)]])}
      ${table(
        'Servers probed',
        ['Server', 'Public address found (STUN)', 'Relay', 'Relay address', 'Errors'],
        arr(d.servers).map(obj).map((s) => [
          str(s.url),
          s.srflx === true ? `yes, ${fmt(s.srflxMs, 'ms')}` : 'no',
          s.relay === true ? `yes, ${fmt(s.relayMs, 'ms')}` : 'no',
          str(s.relayAddress) + (s.relayInAmazonConnect === true ? ' (in the Amazon Connect IP ranges)' : s.relayInAmazonConnect === false ? ' (not in the Amazon Connect IP ranges)' : ''),
          arr(s.errors).map(obj).map((e) => `${fmt(e.code)} ${str(e.text)}${str(e.meaning) ? `: ${str(e.meaning)}` : ''}`).join('; ') || 'none',
        ]),
      )}`;
    case 'media': {
      const src = obj(d.rttSources);
      return html`${figures([
        ['Round trip', fmtCi(d.rttMs, d.rttCi95, 'ms')],
        ['Jitter', fmtCi(d.jitterMs, d.jitterCi95, 'ms', 1)],
        ['Packet loss', fmtCi(d.lossPct, d.lossCi95, '%', 1)],
        ['MOS (1-5)', num(d.mos) !== null ? `${fmt(d.mos, '', 2)}${str(d.mosBand) ? ` (${str(d.mosBand)})` : ''}` : 'not measured'],
        ['Send / receive', `${fmt(d.sendKbps, 'kbit/s')} / ${fmt(d.recvKbps, 'kbit/s')}`],
        ['Packets sent / received / lost', `${fmt(d.packetsSent)} / ${fmt(d.packetsReceived)} / ${fmt(d.packetsLost)}`],
        ['Transport', str(d.transport)],
        ['Relay server', str(d.serverUrl)],
        ['Relay address', str(d.relayAddress) + (d.relayInAmazonConnect === true ? ' (in the Amazon Connect IP ranges)' : '')],
        ['Codec', str(d.codec)],
        ['Round trip cross-checks', isObj(d.rttSources) ? `data channel ${fmt(src.dataChannelMs, 'ms')}, candidate pair ${fmt(src.candidatePairMs, 'ms')}, RTCP ${fmt(src.remoteInboundMs, 'ms')}` : ''],
        ['Stopped early', d.stoppedEarly === true ? 'yes' : ''],
      ])}
      ${renderCharts('Test call', d.samples, MEDIA_SERIES)}`;
    }
    case 'bandwidth':
      return figures([
        ['Upload', fmt(d.upKbps, 'kbit/s')],
        ['Download', fmt(d.downKbps, 'kbit/s')],
        ['Needed', fmt(d.requiredKbps, 'kbit/s')],
        ['Method', str(d.method)],
      ]);
    case 'ccp': {
      const agent = obj(d.agent);
      const state = obj(d.agentState);
      return html`${figures([
        ['CCP mode', str(d.mode)],
        ['State', str(d.state)],
        ['CCP URL', str(d.ccpUrl)],
        ['Streams version', str(d.streamsVersion)],
        ['Audio plays', str(d.mediaLocation)],
        ['Softphone enabled', isObj(d.agent) ? yesNo(agent.softphoneEnabled) : ''],
        ['Deskphone number', str(agent.extension)],
        ['Agent state', str(state.name) ? `${str(state.name)} (${str(state.type)})` : ''],
        ['WebSocket', str(d.websocket)],
        ['ICE servers from the CCP', num(d.iceServersFromCcp) !== null ? fmt(d.iceServersFromCcp) : ''],
        ['Missed call', d.missedCall === true ? 'yes' : ''],
      ])}
      ${table(
        'Softphone errors seen',
        ['Error', 'Message', 'When'],
        arr(d.softphoneErrors).map(obj).map((e) => [str(e.errorType), str(e.errorMessage), fmtDate(e.at)]),
      )}`;
    }
    default:
      return renderGeneric(d);
  }
}

/** Data of a check this viewer does not know (a newer minor version): shown as key and value text. */
function renderGeneric(d: Loose): TemplateResult | typeof nothing {
  return figures(Object.entries(d).slice(0, 30).map(([k, v]) => [k, brief(v)] as const));
}
