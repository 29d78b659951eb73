// `ccp-preflight allowlist`: a thin Node wrapper around the built allowlist module (src/allowlist/cli.ts,
// built to dist/allowlist.js by `npm run build`). Node supplies file reading and fetch.
import { readFile } from 'node:fs/promises';

/**
 * @param {string[]} argv arguments after `allowlist`
 * @param {{ stdout: { write(s: string): unknown }, stderr: { write(s: string): unknown } }} io
 * @returns {Promise<number>} exit code: 0 printed, 3 bad input or usage
 */
export async function allowlistMain(argv, io) {
  let mod;
  try {
    const built = '../dist/allowlist.js'; // the built package; its types are src/allowlist's
    mod = await import(built);
  } catch (e) {
    io.stderr.write(`ccp-preflight allowlist: the built module dist/allowlist.js is missing (${e instanceof Error ? e.message : String(e)}). Run "npm run build" first.\n`);
    return 3;
  }
  return mod.allowlistMain(argv, { ...io, readFile: (p) => readFile(p, 'utf8'), fetch: globalThis.fetch });
}
