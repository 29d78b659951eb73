// @web/test-runner plugin: serves `sdp` (webrtc-adapter's one dependency) as an ES module. Its package.json
// "module" field points at sdp.js, which is CommonJS (`module.exports = SDPUtils` behind a typeof check), so a
// browser importing it finds no default export. @rollup/plugin-commonjs through @web/dev-server-rollup does
// not transform it here (checked with @rollup/plugin-commonjs 29: the import still fails), so this appends
// the one export webrtc-adapter uses. Vite and esbuild convert the module themselves.
const SDP_FILE = /\/node_modules\/sdp\/sdp\.js$/;

export function sdpAsEsm() {
  return {
    name: 'ccp-preflight-sdp-esm',
    transform(context) {
      if (!SDP_FILE.test(context.path)) return undefined;
      const body = typeof context.body === 'string' ? context.body : String(context.body);
      if (/\bexport\s+default\b/.test(body)) return undefined;
      return { body: `${body}\nexport default SDPUtils;\n` };
    },
  };
}
