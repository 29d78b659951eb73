/**
 * A module an element needs only for part of what it shows (the "For IT" details of a finished report, the
 * compare view), loaded on first use so it is not in the chunks a page downloads with the widget.
 *
 * `get()` starts the import and returns the module once it has arrived (`undefined` until then, so the element
 * renders a placeholder); the host re-renders when it arrives. `pending` is the import while it runs: an
 * element adds it to its `updateComplete` so `await el.updateComplete` means "rendered with the module".
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class LazyModule<M> implements ReactiveController {
  /** The module, once loaded. */
  value: M | undefined;
  /** Why the import failed (a chunk missing after a redeploy, the network down), if it did. */
  error: unknown;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly load: () => Promise<M>,
  ) {
    host.addController(this);
  }

  /** The module if loaded; otherwise starts loading it (once) and returns undefined. */
  get(): M | undefined {
    if (this.value === undefined && this.loading === undefined) this.start();
    return this.value;
  }

  /** The module, loading it if needed; rejects when the import failed. */
  ready(): Promise<M> {
    this.get();
    return (this.loading ?? Promise.resolve()).then(() => {
      // kind 'download': the widget's error banner says so in the agent's language (src/elements/ccp-preflight/widget-errors.ts).
      if (this.value === undefined) throw this.error instanceof Error ? this.error : Object.assign(new Error('The module could not be loaded.'), { kind: 'download' });
      return this.value;
    });
  }

  /** The import while it runs, else undefined. */
  get pending(): Promise<void> | undefined {
    return this.value === undefined && this.error === undefined ? this.loading : undefined;
  }

  /** Forget a failed import so the next `get()` tries again. */
  retry(): void {
    if (this.value !== undefined) return;
    this.error = undefined;
    this.loading = undefined;
    this.host.requestUpdate();
  }

  hostConnected(): void {}

  private start(): void {
    this.loading = this.load().then(
      (m) => {
        this.value = m;
        this.host.requestUpdate();
      },
      (e: unknown) => {
        this.error = e;
        this.host.requestUpdate();
      },
    );
  }
}

/** Awaits a host's update and every lazy module it is waiting for, then any update their arrival caused. */
export async function settled(update: () => Promise<boolean>, modules: readonly LazyModule<unknown>[]): Promise<boolean> {
  let done = await update();
  for (let i = 0; i < 5; i++) {
    const waiting = modules.map((m) => m.pending).filter((p): p is Promise<void> => p !== undefined);
    if (!waiting.length) break;
    await Promise.all(waiting);
    done = await update();
  }
  return done;
}
