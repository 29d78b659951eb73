// A run-wide readers-writer lock for the browser tests (a @web/test-runner plugin).
//
// The two browsers run their test files side by side on a 2-core machine. Timing-sensitive files (the media
// accuracy and endpoint timing tests) measure time, so they must run alone: any other page rendering at the
// same moment shows up as jitter and delay in their figures (on CI, Firefox's data-channel RTT read 8-10 ms
// high while Chromium rendered other files). So:
// - every test page takes the lock shared before its test framework loads (web-test-runner.config.mjs
//   testRunnerHtml: 'run-lock-shared');
// - a timing-sensitive file asks for it exclusively ('run-lock-exclusive'): its own shared hold is dropped,
//   new shared holders wait (a waiting writer goes first), and it gets the lock once no other page holds it;
//   'run-lock-release' gives it back;
// - a page's holds end with its session (finished message or closed socket), so a crashed or timed-out
//   page never keeps the lock; an exclusive hold also ends after EXCLUSIVE_MAX_MS.
// The test runner's client drops a command unanswered after 20 s, so a request answers { held: false } after
// WAIT_SLICE_MS and the page asks again (it keeps its place: requests are by session id).

/** Longest exclusive hold before the lock is taken back (a file that forgot to release). */
export const EXCLUSIVE_MAX_MS = 240_000;
/** A request waits this long at most before answering { held: false } (the client gives up at 20 s). */
export const WAIT_SLICE_MS = 15_000;

export function createRunLock() {
  /** Session ids of the pages holding the lock shared. */
  const shared = new Set();
  /** @type {{ id: string, timer: ReturnType<typeof setTimeout> } | null} */
  let holder = null;
  /** Sessions waiting for the lock exclusively, first come first served. @type {string[]} */
  const writers = [];
  /** Sessions waiting to hold it shared. @type {Set<string>} */
  const readers = new Set();
  /** Resolvers of requests now waiting, woken on every change. @type {Set<() => void>} */
  const wakers = new Set();

  function settle() {
    if (!holder && writers.length && shared.size === 0) {
      const id = /** @type {string} */ (writers.shift());
      holder = { id, timer: setTimeout(() => release(id), EXCLUSIVE_MAX_MS) };
    }
    if (!holder && writers.length === 0) {
      for (const id of readers) shared.add(id);
      readers.clear();
    }
    for (const wake of [...wakers]) wake();
  }

  /** @param {string} id */
  function release(id) {
    if (!holder || holder.id !== id) return false;
    clearTimeout(holder.timer);
    holder = null;
    settle();
    return true;
  }

  /** Waits until `done()` or WAIT_SLICE_MS; answers whether `done()` became true. */
  function waitFor(done) {
    if (done()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        wakers.delete(check);
        resolve(done());
      };
      const check = () => { if (done()) finish(); };
      const timer = setTimeout(finish, WAIT_SLICE_MS);
      wakers.add(check);
    });
  }

  return {
    /** @param {string} id */
    async shared(id) {
      if (!shared.has(id) && holder?.id !== id) {
        readers.add(id);
        settle();
      }
      return { held: await waitFor(() => shared.has(id) || holder?.id === id) };
    },
    /** @param {string} id */
    async exclusive(id) {
      if (holder?.id !== id) {
        shared.delete(id);
        readers.delete(id);
        if (!writers.includes(id)) writers.push(id);
        settle();
      }
      return { held: await waitFor(() => holder?.id === id) };
    },
    /** @param {string} id */
    release(id) {
      return { released: release(id) };
    },
    /** Every hold and request of a session that ended. @param {string} id */
    end(id) {
      shared.delete(id);
      readers.delete(id);
      const w = writers.indexOf(id);
      if (w >= 0) writers.splice(w, 1);
      if (!release(id)) settle();
    },
    /** For tests and logs. */
    state: () => ({ shared: [...shared], holder: holder?.id ?? null, writers: [...writers], readers: [...readers] }),
  };
}

/** The @web/test-runner plugin: commands 'run-lock-shared', 'run-lock-exclusive', 'run-lock-release'. */
export function runLockPlugin() {
  const lock = createRunLock();
  const watched = new WeakSet();
  return {
    name: 'ccp-preflight-run-lock',
    serverStart({ webSockets }) {
      webSockets.on('message', ({ webSocket, data }) => {
        const id = data?.sessionId;
        if (typeof id !== 'string') return;
        if (data.type === 'wtr-session-finished') lock.end(id);
        else if (data.type === 'wtr-command' && typeof data.command === 'string' && data.command.startsWith('run-lock-') && !watched.has(webSocket)) {
          watched.add(webSocket);
          webSocket.on('close', () => lock.end(id));
        }
      });
    },
    async executeCommand({ command, session }) {
      if (!command.startsWith('run-lock-')) return undefined;
      const id = session.id;
      if (command === 'run-lock-shared') return lock.shared(id);
      if (command === 'run-lock-exclusive') return lock.exclusive(id);
      if (command === 'run-lock-release') return lock.release(id);
      throw new Error(`Unknown command ${command}: use run-lock-shared, run-lock-exclusive or run-lock-release.`);
    },
  };
}
