import type { CheckId } from '../report/schema.js';
import type { Check } from './types.js';

/**
 * Each check loads on demand (its own chunk), so the widget's up-front weight is the element, Lit and the
 * runner; a run fetches only the checks it runs. ALL_CHECKS (./index.ts) loads them all, for tools/tests.
 */
export const CHECK_LOADERS: Readonly<Record<CheckId, () => Promise<Check>>> = {
  browser: () => import('./browser.js').then((m) => m.browserCheck as Check),
  workstation: () => import('./workstation.js').then((m) => m.workstationCheck as Check),
  devices: () => import('./devices.js').then((m) => m.devicesCheck as Check),
  ccp: () => import('./ccp.js').then((m) => m.ccpCheck as Check),
  endpoints: () => import('./endpoints.js').then((m) => m.endpointsCheck as Check),
  'ice-udp': () => import('./ice.js').then((m) => m.iceUdpCheck as Check),
  'ice-tcp': () => import('./ice.js').then((m) => m.iceTcpCheck as Check),
  'ice-tls': () => import('./ice.js').then((m) => m.iceTlsCheck as Check),
  media: () => import('./media.js').then((m) => m.mediaCheck as Check),
  bandwidth: () => import('./bandwidth.js').then((m) => m.bandwidthCheck as Check),
};
