// The supervisor page: <ccp-preflight-report> in paste mode, plus example reports and "copy a link". The whole
// page follows the language picker (default: the browser's language): its texts are msg() calls here, written
// into the DOM as text (or by lit's html), again on every change of language.
import { html, render } from 'lit';
import { msg, str } from '@lit/localize';
import '../src/elements/ccp-preflight-report/ccp-preflight-report.js';
import '../src/elements/ccp-preflight-log/ccp-preflight-log.js';
import { looksLikeCcpLog } from '../src/ccplog/sniff.js';
import { encodeShareCode } from '../src/report/share.js';
import type { Report } from '../src/report/schema.js';
import { LOCALE_NAMES, resolveLocale } from '../src/i18n/locale.js';
import { getLocale, LOCALE_STATUS_EVENT, needTexts, setLocale } from '../src/i18n/runtime.js';
import { texts as supervisorTexts } from '../src/generated/parts/supervisor.js';

void needTexts(supervisorTexts); // this page's own texts, the compare and CCP log views

const viewer = document.querySelector('ccp-preflight-report')!;
const byId = (id: string): HTMLElement => document.getElementById(id)!;
const status = byId('status');
/** The last status, as a function: said again in the new language when the language changes. */
let lastStatus: (() => string) | undefined;
const say = (text: () => string): void => {
  lastStatus = text;
  status.textContent = text();
};

/** Every text of the page (outside the two elements, which translate themselves) in the active language. */
function renderPage(): void {
  document.documentElement.lang = getLocale();
  document.title = msg('ccp-preflight: supervisor report viewer');
  byId('page-name').textContent = msg('Supervisor report viewer');
  byId('nav-agent').textContent = msg('Agent desktop demo');
  byId('lang-label').textContent = msg('Language');
  byId('lang-browser').textContent = msg("The browser's language");
  byId('intro').textContent = msg("Open an agent's pre-flight report or CCP log");
  render(
    html`<p>
        ${msg(
          html`Paste what the agent copied (the JSON, or a share code starting with <code>CCPF1.</code>), drop the downloaded <code>.json</code> file, or open a link ending in <code>#report=CCPF1…</code>. Then open "${msg('Compare with an earlier report (baseline)')}" to see what changed since a baseline.`,
        )}
      </p>
      <p>
        ${msg(
          html`The agent's CCP log works here too: in the CCP, Settings, then "Download logs" saves <code>agent-log.txt</code>. Paste or drop it below (or open it with the button) to see each real call's quality in both directions, the softphone errors and what to do. Open a report and the same agent's log to see both on one timeline.`,
        )}
      </p>`,
    byId('intro-text'),
  );
  byId('example-good').textContent = msg('Load an example: healthy');
  byId('example-bad').textContent = msg('Load an example: UDP blocked');
  byId('example-compare').textContent = msg('Example: compare the two');
  byId('copy-link').textContent = msg('Copy a link to this report');
  byId('example-log').textContent = msg('Load an example: CCP log');
  byId('open-log-label').textContent = msg('Open a CCP log file');
  byId('report-panel').setAttribute('aria-label', msg('Report'));
  byId('log-panel').setAttribute('aria-label', msg('CCP log'));
  if (lastStatus) status.textContent = lastStatus();
}

// The page and the report in the reader's language, whatever language the agent's widget ran in (default: the
// browser's). The viewer applies its `lang` attribute to the page-wide language; the page follows the change.
const langSelect = document.getElementById('lang') as HTMLSelectElement;
for (const [code, name] of Object.entries(LOCALE_NAMES)) langSelect.add(new Option(name, code));
byId('intro-text').replaceChildren(); // the English fallback of the HTML; lit renders the intro from now on
window.addEventListener(LOCALE_STATUS_EVENT, (e) => {
  if ((e as CustomEvent<{ status: string }>).detail.status === 'ready') renderPage();
});
langSelect.addEventListener('change', () => {
  if (langSelect.value) viewer.setAttribute('lang', langSelect.value);
  else viewer.removeAttribute('lang');
  const want = resolveLocale({ lang: langSelect.value || null, browser: navigator.languages });
  if (want !== getLocale()) setLocale(want).catch(() => say(() => msg('That language could not be loaded.')));
});
renderPage();

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
    say(() => (r.ok ? msg(str`Showing the example report ${r.report.id}.`) : msg('The example could not be opened.')));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    say(() => msg(str`Could not load the example: ${why}`));
  }
}

document.getElementById('example-good')!.addEventListener('click', () => void show('good'));
document.getElementById('example-bad')!.addEventListener('click', () => void show('bad'));
document.getElementById('example-compare')!.addEventListener('click', async () => {
  await show('bad');
  const r = await viewer.showBaselineText(await example(EXAMPLES.good));
  if (r.ok) say(() => msg('Comparing the UDP-blocked report with the healthy baseline.'));
});

document.getElementById('copy-link')!.addEventListener('click', async () => {
  const report: Report | undefined = viewer.report;
  if (!report) {
    say(() => msg('Open a report first.'));
    return;
  }
  const code = await encodeShareCode(report); // redacted by default
  const link = `${location.origin}${location.pathname}#report=${code}`;
  try {
    await navigator.clipboard.writeText(link);
    say(() => msg(str`Link copied (${link.length.toLocaleString(getLocale())} characters, redacted).`));
  } catch {
    history.replaceState(null, '', `#report=${code}`);
    say(() => msg('The browser did not allow copying: the link is now in the address bar; copy it from there.'));
  }
});

// "Copy a link" is offered only once there is a report to link to.
viewer.addEventListener('ccp-preflight-load', (e) => {
  if (e.detail.target === 'report') document.getElementById('copy-link')!.hidden = false;
});
// The viewer shows why in its own alert, in the reader's language; the page's status line says only what failed.
viewer.addEventListener('ccp-preflight-error', (e) =>
  say(() => (e.detail.target === 'baseline' ? msg('The baseline report could not be opened.') : msg('The report could not be opened.'))),
);

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

/** `name`: what is read, in the active language when asked ("the pasted log", or the file's name in quotes). */
async function showLog(input: string | File, name: () => string): Promise<void> {
  logPanel.hidden = false;
  say(() => msg(str`Reading ${name()} as a CCP log…`));
  syncJoined();
  const log = typeof input === 'string' ? await logEl.showText(input, name) : await logEl.showFile(input);
  if (log.ok) {
    const bad = log.calls.filter((c) => c.verdict === 'fail' || c.verdict === 'warn').length;
    const calls = log.calls.length;
    const problems = log.problems.length;
    const beside = Boolean(viewer.report);
    say(() => `${msg(str`This is a CCP log: ${calls} call(s), ${bad} with poor audio, ${problems} problem(s).`)}${beside ? ` ${msg('Shown beside the open report.')}` : ''}`);
    logPanel.scrollIntoView({ block: 'start' });
  } else {
    const why = log.messages[0] ?? '';
    say(() => msg(str`Could not open that CCP log: ${why}`));
  }
}

/** Reports and share codes go to the report viewer, which says what it got. */
async function showReport(text: string): Promise<void> {
  const r = await viewer.showText(text);
  syncJoined();
  if (r.ok) say(() => msg(str`This is a pre-flight report (${r.report.id}).`));
}

async function route(file: File): Promise<void> {
  let head: string;
  try {
    head = await file.slice(0, 8192).text();
  } catch {
    say(() => msg(str`"${file.name}" could not be read. Save it again and retry.`));
    return;
  }
  if (looksLikeCcpLog(head)) await showLog(file, () => `"${file.name}"`);
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
    void showLog(text, () => msg('the pasted log'));
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
  else void showLog(text, () => msg('the dropped text'));
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
    await showLog(await example(EXAMPLE_LOG), () => msg('the example log'));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    say(() => msg(str`Could not load the example: ${why}`));
  }
});
logEl.addEventListener('ccp-preflight-error', (e) => say(() => msg(str`Could not open that: ${e.detail.message}`)));
