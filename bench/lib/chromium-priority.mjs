// Side-effect-free helpers shared by the benchmarks' Chromium launchers (bench/lib/browser.mjs).
import { mkdtempSync, writeFileSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir, setPriority } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_PATH } from '../../test/support/chromium.mjs';

/** Can this process raise scheduling priority (root)? */
export function canRaisePriority() {
  try {
    setPriority(process.pid, 0);
    return typeof process.getuid === 'function' && process.getuid() === 0;
  } catch {
    return false;
  }
}

/**
 * The Chromium executable to launch: with `priority` (e.g. -10) and root, a `nice` wrapper script so that
 * every Chromium process inherits the raised priority (`remove` deletes the script); else Chromium itself.
 */
export function prioritizedChromiumPath(priority = 0) {
  if (!priority || !canRaisePriority()) return { executablePath: CHROMIUM_PATH, prioritized: false };
  const dir = mkdtempSync(join(tmpdir(), 'ccpf-chromium-'));
  const executablePath = join(dir, 'chromium');
  writeFileSync(executablePath, `#!/bin/sh\nexec nice -n ${Number(priority)} ${CHROMIUM_PATH} "$@"\n`);
  chmodSync(executablePath, 0o755);
  return { executablePath, prioritized: true, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
