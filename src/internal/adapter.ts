/**
 * webrtc-adapter (https://github.com/webrtcHacks/adapter), the WebRTC project's shim for browser differences,
 * loaded on demand: importing it applies its shims to this window once (Firefox and Chromium getStats and
 * API differences, old spellings) and gives `adapter.browserDetails` (family and version, read its own way).
 * It is a dynamic import, so bundlers put it in its own chunk, out of the up-front weight; it loads when the
 * `browser` check runs, before any check makes a peer connection. Its CommonJS dependency `sdp` is converted by
 * Vite and esbuild themselves, and by a small plugin in the test runner (test/support/wtr-cjs-sdp.mjs).
 */

/** What webrtc-adapter says about this browser. */
export interface AdapterDetails {
  /** 'chrome' | 'firefox' | 'safari' | 'Not a browser.' | 'Not a supported browser.' */
  browser: string;
  /** Major version, null when the adapter could not tell. */
  version: number | null;
}

/** How long the `browser` check waits for the adapter chunk before going on without it. */
export const ADAPTER_LOAD_WAIT_MS = 1500;

let loading: Promise<AdapterDetails | null> | undefined;

/**
 * Loads webrtc-adapter once per page and returns its browser details; null outside a browser with WebRTC
 * (Node tests) or when the chunk could not load (the checks then use their own user-agent reading).
 */
export function loadWebrtcAdapter(): Promise<AdapterDetails | null> {
  const g = globalThis as { window?: unknown; RTCPeerConnection?: unknown };
  if (typeof g.window !== 'object' || typeof g.RTCPeerConnection !== 'function') return Promise.resolve(null);
  loading ??= import('webrtc-adapter').then(
    (m) => {
      const d = m.default.browserDetails;
      return { browser: String(d.browser), version: typeof d.version === 'number' && Number.isFinite(d.version) ? d.version : null };
    },
    () => null,
  );
  return loading;
}
