/**
 * Headset kind from a device label, and the input list for the report. Seed 003, Agent Workstation
 * Requirements: "For the best agent and customer audio experience, a USB headset is recommended."
 */
import type { DevicesData, HeadsetKind } from '../report/schema.js';


/** Chrome prefixes the pseudo devices "default" and "communications" (Windows) with these. */
export const PSEUDO_PREFIX = /^(?:default|communications)\s*-\s*/i;

/**
 * Label patterns, tried in this order (first match wins). Labels are what the OS calls the device; Chromium
 * appends USB vendor:product ids, e.g. "Headset Microphone (Jabra EVOLVE 20 MS) (0b0e:0300)".
 */
export const HEADSET_PATTERNS: readonly { kind: HeadsetKind; re: RegExp; why: string }[] = [
  {
    kind: 'virtual',
    re: /\b(virtual|loopback|stereo mix|what u hear|wave out mix|vb-audio|voicemeeter|cable output|blackhole|soundflower|monitor of|fake)\b/i,
    why: 'virtual, loopback or test device',
  },
  { kind: 'bluetooth', re: /\b(bluetooth|hands-?free|airpods|bt|hfp|hsp)\b/i, why: 'Bluetooth device' },
  // A camera's microphone is USB too, but it is an open room microphone like a laptop's, not a headset.
  { kind: 'builtin', re: /\b(web ?cam|webcam|camera|brio|c9[0-9]{2}|c270|c310|c615)\b/i, why: 'camera microphone' },
  { kind: 'usb', re: /\busb\b|\([0-9a-f]{4}:[0-9a-f]{4}\)/i, why: 'USB device' },
  // Firefox labels carry no USB ids ("Headset Microphone (Jabra EVOLVE 20 MS)"): the makers of USB contact-center
  // headsets stand in for them (their Bluetooth models are caught by the Bluetooth pattern above).
  {
    kind: 'usb',
    re: /\b(jabra|plantronics|blackwire|poly (?:blackwire|savi|encore)|sennheiser|epos|yealink|lifechat|logitech h\d{3}|evolve2?)\b/i,
    why: 'USB contact-center headset by its maker (Firefox labels have no USB ids)',
  },
  {
    kind: 'builtin',
    re: /\b(built-?in|internal|integrated|microphone array|mic array|macbook|imac|digital microphone|laptop)\b/i,
    why: 'built-in microphone',
  },
  { kind: 'analog', re: /\b(headset|headphones?|earphones?|line in|mic in|front mic|rear mic|external microphone)\b/i, why: 'headset on the audio jack' },
];

/** The headset kind from a device label; 'unknown' for empty or unrecognised labels (e.g. a bare "Default"). */
export function classifyHeadset(label: string): HeadsetKind {
  const name = (label ?? '').replace(PSEUDO_PREFIX, '').trim();
  if (!name) return 'unknown';
  for (const p of HEADSET_PATTERNS) if (p.re.test(name)) return p.kind;
  return 'unknown';
}

/** At most this many inputs are listed in the report (bounded). */
export const MAX_LISTED_INPUTS = 16;

/** Input list for the report: real devices, the default one marked; Chrome's pseudo entries folded in. */
export function listInputs(devices: readonly MediaDeviceInfo[]): DevicesData['inputs'] {
  const inputs = devices.filter((d) => d.kind === 'audioinput');
  const pseudo = inputs.filter((d) => d.deviceId === 'default' || d.deviceId === 'communications');
  const real = inputs.filter((d) => d.deviceId !== 'default' && d.deviceId !== 'communications');
  const def = pseudo.find((d) => d.deviceId === 'default');
  const defName = def ? def.label.replace(PSEUDO_PREFIX, '').trim() : '';
  const out = real.map((d) => ({
    label: d.label,
    kind: classifyHeadset(d.label),
    isDefault: def ? (def.groupId && d.groupId ? d.groupId === def.groupId : d.label === defName) : false,
  }));
  if (def && !out.some((d) => d.isDefault)) out.unshift({ label: def.label, kind: classifyHeadset(def.label), isDefault: true });
  if (!def && out.length) out[0]!.isDefault = true; // browsers without a pseudo entry list the default first
  return out.slice(0, MAX_LISTED_INPUTS);
}

