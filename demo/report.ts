// The supervisor page: <ccp-preflight-report> in paste mode, plus example reports and "copy a link".
import '../src/elements/ccp-preflight-report/ccp-preflight-report.js';
import { encodeShareCode } from '../src/report/share.js';
import type { Report } from '../src/report/schema.js';

const viewer = document.querySelector('ccp-preflight-report')!;
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
