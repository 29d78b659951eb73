// Browser side of the run-wide lock (test/support/wtr-run-lock.mjs): a timing-sensitive test file holds it
// exclusively so no other page renders while it measures.
import { executeServerCommand } from '@web/test-runner-commands';

/** Waits until this page holds the run alone (each request answers within 15 s; it asks again). */
export async function holdRunAlone(): Promise<void> {
  for (;;) {
    const r = await executeServerCommand<{ held: boolean }, undefined>('run-lock-exclusive');
    if (r?.held) return;
  }
}

/** Lets the other pages run again. */
export async function releaseRun(): Promise<void> {
  await executeServerCommand('run-lock-release');
}
