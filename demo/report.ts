// The supervisor page: <ccp-preflight-report> in paste mode, plus example reports and "copy a link".
import '../src/elements/ccp-preflight-report/ccp-preflight-report.js';
import '../src/elements/ccp-preflight-log/ccp-preflight-log.js';
import { looksLikeCcpLog } from '../src/ccplog/sniff.js';
import { encodeShareCode } from '../src/report/share.js';
import type { Report } from '../src/report/schema.js';
import { LOCALE_NAMES } from '../src/i18n/locale.js';

const viewer = document.querySelector('ccp-preflight-report')!;

// The report in the reader's language, whatever language the agent's widget ran in (default: the browser's).
const langSelect = document.getElementById('lang') as HTMLSelectElement;
for (const [code, name] of Object.entries(LOCALE_NAMES)) langSelect.add(new Option(name, code));
langSelect.addEventListener('change', () => {
  if (langSelect.value) viewer.setAttribute('lang', langSelect.value);
  else viewer.removeAttribute('lang');
});
const status = document.getElementById('status')!;
const say = (text: string): void => {
  status.textContent = text;
};

// Recorded example reports (the same files the unit tests use).
const EXAMPLES = { good: '/test/unit/fixtures/reports/full-pass.json', bad: '/test/unit/fixtures/reports/degraded-udp-blocked.json' };

async function example(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.text();
}

async function show(kind: keyof typeof EXAMPLES): Promise<void> {
  try {
    const r = await viewer.showText(await example(EXAMPLES[kind]));
    syncJoined();
    say(r.ok ? `Showing the example report ${r.report.id}.` : 'The example could not be opened.');
  } catch (e) {
    say(`Could not load the example: ${e instanceof Error ? e.message : String(e)}`);
  }
}

document.getElementById('example-good')!.addEventListener('click', () => void show('good'));
document.getElementById('example-bad')!.addEventListener('click', () => void show('bad'));
document.getElementById('example-compare')!.addEventListener('click', async () => {
  await show('bad');
  const r = await viewer.showBaselineText(await example(EXAMPLES.good));
  if (r.ok) say('Comparing the UDP-blocked report with the healthy baseline.');
});

document.getElementById('copy-link')!.addEventListener('click', async () => {
  const report: Report | undefined = viewer.report;
  if (!report) {
    say('Open a report first.');
    return;
  }
  const code = await encodeShareCode(report); // redacted by default
  const link = `${location.origin}${location.pathname}#report=${code}`;
  try {
    await navigator.clipboard.writeText(link);
    say(`Link copied (${link.length.toLocaleString('en-US')} characters, redacted).`);
  } catch {
    history.replaceState(null, '', `#report=${code}`);
    say('The browser did not allow copying: the link is now in the address bar; copy it from there.');
  }
});

// "Copy a link" is offered only once there is a report to link to.
viewer.addEventListener('ccp-preflight-load', (e) => {
  if (e.detail.target === 'report') document.getElementById('copy-link')!.hidden = false;
});
viewer.addEventListener('ccp-preflight-error', (e) => say(`Could not open that: ${e.detail.message}`));

// ---------------------------------------------------------------------------------------------------------
// CCP logs: the page routes pasted and dropped input before it reaches the report element. A CCP log (the
// agent-log.txt JSON array) goes to <ccp-preflight-log> (parsed in a worker); anything else stays with the
// report viewer. Each says which kind it got.
// ---------------------------------------------------------------------------------------------------------
const logEl = document.querySelector('ccp-preflight-log')!;
const logPanel = document.getElementById('log-panel')!;
const EXAMPLE_LOG = '/test/unit/fixtures/ccplog/streams-two-calls.json';

/** Keeps the joined view in step: the log element shows the report the viewer holds. */
function syncJoined(): void {
  if (logEl.report !== viewer.report) logEl.report = viewer.report;
}
for (const ms of [0, 300, 1000, 2500]) setTimeout(syncJoined, ms);

async function showLog(input: string | File, name: string): Promise<void> {
  logPanel.hidden = false;
  say(`Reading ${name} as a CCP log…`);
  syncJoined();
  const log = typeof input === 'string' ? await logEl.showText(input, name) : await logEl.showFile(input);
  if (log.ok) {
    const bad = log.calls.filter((c) => c.verdict === 'fail' || c.verdict === 'warn').length;
    say(`This is a CCP log: ${log.calls.length} call(s), ${bad} with poor audio, ${log.problems.length} problem(s).${viewer.report ? ' Shown beside the open report.' : ''}`);
    logPanel.scrollIntoView({ block: 'start' });
  } else {
    say(`Could not open that CCP log: ${log.messages[0] ?? ''}`);
  }
}

/** Reports and share codes go to the report viewer, which says what it got. */
async function showReport(text: string): Promise<void> {
  const r = await viewer.showText(text);
  syncJoined();
  if (r.ok) say(`This is a pre-flight report (${r.report.id}).`);
}

async function route(file: File): Promise<void> {
  let head: string;
  try {
    head = await file.slice(0, 8192).text();
  } catch {
    say(`"${file.name}" could not be read. Save it again and retry.`);
    return;
  }
  if (looksLikeCcpLog(head)) await showLog(file, `"${file.name}"`);
  else await showReport(await file.text());
}

// Capture phase on the viewer host: runs before the report element's own paste and drop handlers.
viewer.addEventListener(
  'paste',
  (e: ClipboardEvent) => {
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (inBaseline(e) || !looksLikeCcpLog(text)) {
      for (const ms of [300, 1500]) setTimeout(syncJoined, ms);
      return;
    }
    e.preventDefault();
    e.stopPropagation();
    void showLog(text, 'the pasted log');
  },
  { capture: true },
);
/** True when the event happened in the report viewer's baseline box (its input stays with the viewer). */
const inBaseline = (e: Event): boolean => e.composedPath().some((n) => n instanceof Element && n.matches('details.baseline-input'));
const onDrop = (e: DragEvent): void => {
  if (inBaseline(e)) return;
  const file = e.dataTransfer?.files?.[0];
  const text = file ? '' : (e.dataTransfer?.getData('text/plain') ?? '');
  if (!file && !looksLikeCcpLog(text)) return;
  e.preventDefault();
  e.stopPropagation();
  if (file) void route(file);
  else void showLog(text, 'the dropped text');
};
viewer.addEventListener('drop', onDrop, { capture: true });
// A drop anywhere else on the page (e.g. on the log panel) is routed the same way.
document.addEventListener('dragover', (e) => e.preventDefault());
document.addEventListener('drop', (e) => {
  if (!e.defaultPrevented) onDrop(e);
});

document.getElementById('open-log')!.addEventListener('change', (e) => {
  const input = e.target as HTMLInputElement;
  const file = input.files?.[0];
  if (file) void route(file);
  input.value = '';
});
document.getElementById('example-log')!.addEventListener('click', async () => {
  try {
    await showLog(await example(EXAMPLE_LOG), 'the example log');
  } catch (e) {
    say(`Could not load the example: ${e instanceof Error ? e.message : String(e)}`);
  }
});
logEl.addEventListener('ccp-preflight-error', (e) => say(`Could not open that: ${e.detail.message}`));
