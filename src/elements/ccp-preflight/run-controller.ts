import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Owns a run's AbortController: one run at a time, aborted on `abort()` and when the host leaves the DOM.
 */
export class RunController implements ReactiveController {
  private ctl: AbortController | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get running(): boolean {
    return this.ctl !== undefined;
  }

  /** Starts `work`, aborting any run in progress first. */
  async start<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.ctl?.abort();
    const ctl = new AbortController();
    this.ctl = ctl;
    this.host.requestUpdate();
    try {
      return await work(ctl.signal);
    } finally {
      if (this.ctl === ctl) this.ctl = undefined;
      this.host.requestUpdate();
    }
  }

  abort(): void {
    this.ctl?.abort();
  }

  hostDisconnected(): void {
    this.abort();
  }
}
