// Hooks that the CLI's page (cli/page.html) and the benchmark pages (bench/lib/*-page.*) put on `window` for the
// Node side to call through page.evaluate(). Only the tools' typecheck (tsconfig.tools.json) reads this file.
export {};

declare global {
  interface Window {
    /** cli/page.html: the built package's API, once loaded. */
    __ccpPreflight: typeof import('../src/index.ts');
    __ccpPreflightReady: boolean;
    /** Exposed by the CLI (page.exposeFunction): progress of the run. */
    __cliProgress: (p: { fraction: number; phrase: string; checkId?: string | undefined }) => void;
    /** The benchmark pages' entry points (bench/lib/media-page.ts declares its own). */
    __bench: any;
    [hook: `__${string}`]: any;
  }
  interface Performance {
    /** Chromium's non-standard heap figures (with --enable-precise-memory-info). */
    memory?: { usedJSHeapSize: number; totalJSHeapSize: number; jsHeapSizeLimit: number };
  }
}
