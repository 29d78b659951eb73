// Browser side of the run-wide lock (test/support/wtr-run-lock.mjs): a timing-sensitive test file holds it
// exclusively so no other page of either browser renders while it measures.
import { executeServerCommand } from '@web/test-runner-commands';

/** Waits until this page holds the run alone (each request answers within 15 s; it asks again). */
async function holdRunAlone(): Promise<void> {
  for (;;) {
    const r = await executeServerCommand<{ held: boolean }, undefined>('run-lock-exclusive');
    if (r?.held) return;
  }
}

/**
 * Call inside a `describe` whose tests measure time: they run alone, with no other test page of either browser
 * beside them (the wait may be as long as another page's file takes).
 */
export function runAlone(): void {
  before(async function () {
    this.timeout(300_000);
    await holdRunAlone();
  });
  after(async () => {
    await executeServerCommand('run-lock-release');
  });
}
