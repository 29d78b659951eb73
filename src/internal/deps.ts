import type { Deps } from '../checks/types.js';

/** Browser globals as Deps. Call in a browser; in Node pass fakes instead. */
export function defaultDeps(overrides: Partial<Deps> = {}): Deps {
  const g = globalThis as typeof globalThis & { navigator?: Navigator & { deviceMemory?: number; userAgentData?: Deps['navigator']['userAgentData'] } };
  const nav = g.navigator;
  const deps: Deps = {
    createPeerConnection: (config) => new RTCPeerConnection(config),
    getUserMedia: (c) => {
      if (!nav?.mediaDevices?.getUserMedia) return Promise.reject(new Error('getUserMedia is not available (is this page served over HTTPS?)'));
      return nav.mediaDevices.getUserMedia(c);
    },
    enumerateDevices: () => (nav?.mediaDevices?.enumerateDevices ? nav.mediaDevices.enumerateDevices() : Promise.resolve([])),
    queryPermission: async (name) => {
      try {
        const st = await nav?.permissions?.query({ name: name as PermissionName });
        return st ? (st.state as 'granted' | 'denied' | 'prompt') : 'unknown';
      } catch {
        return 'unknown';
      }
    },
    fetch: (...a: Parameters<typeof fetch>) => globalThis.fetch(...a),
    now: () => performance.now(),
    date: () => new Date(),
    setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
    clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
    navigator: {
      userAgent: nav?.userAgent ?? 'unknown',
      hardwareConcurrency: nav?.hardwareConcurrency,
      deviceMemory: nav?.deviceMemory,
      language: nav?.language,
      platform: nav?.platform,
      userAgentData: nav?.userAgentData,
    },
    isSecureContext: g.isSecureContext ?? false,
    createAudioContext: typeof AudioContext === 'function' ? () => new AudioContext() : undefined,
    createWebSocket: typeof WebSocket === 'function' ? (url) => new WebSocket(url) : undefined,
    securityPolicyEvents: typeof document !== 'undefined' ? document : undefined,
  };
  return { ...deps, ...overrides };
}
