import type { Check } from './types.js';
import { browserCheck } from './browser.js';
import { workstationCheck } from './workstation.js';
import { devicesCheck } from './devices.js';
import { ccpCheck } from './ccp.js';
import { endpointsCheck } from './endpoints.js';
import { iceUdpCheck, iceTcpCheck, iceTlsCheck } from './ice.js';
import { mediaCheck } from './media.js';
import { bandwidthCheck } from './bandwidth.js';

/** Every shipped check, in the canonical run order (CHECK_IDS). */
export const ALL_CHECKS: readonly Check[] = [
  browserCheck,
  workstationCheck,
  devicesCheck,
  ccpCheck,
  endpointsCheck,
  iceUdpCheck,
  iceTcpCheck,
  iceTlsCheck,
  mediaCheck,
  bandwidthCheck,
] as readonly Check[];
