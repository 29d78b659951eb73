// `ccp-preflight log FILE [--json]`: reads a CCP log (agent-log.txt, from the CCP's "Download logs") and
// prints each call's quality per direction, the problems first, with what to do. Uses the built package
// (dist/report.js: parseCcpLog). Exit codes: 0 the log was read, 3 unreadable file or usage error.
import { readFile } from 'node:fs/promises';

const USAGE = `Usage: ccp-preflight log FILE [--json]

Reads a CCP log (agent-log.txt: in the CCP, Settings > Download logs, or connect.getLog().download())
and prints each softphone call's quality in both directions (what the agent hears, what the caller hears),
the softphone errors with what to do, ICE, signaling and API failures, websocket gaps, missed calls and
clock skew. A log covers the last 30 to 60 minutes of the CCP.

Options:
  --json     print the result as JSON (calls with contactId and figures, softphoneErrors with type, problems)
  --help     this text

Exit codes: 0 the log was read, 3 the file could not be read or is not a CCP log.`;

const f = (x, digits = 0) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(digits) : '-');
const LABEL = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skip: 'SKIP' };

function direction(name, d) {
  if (!d) return `    ${name}: no figures`;
  const jitter = d.jitterMs ? `jitter ${f(d.jitterMs.avg, 1)} ms (p95 ${f(d.jitterMs.p95, 1)})` : d.jitterBufferMs ? `jitter buffer ${f(d.jitterBufferMs.avg)} ms` : 'jitter -';
  return `    ${name}: ${LABEL[d.verdict]}  RTT ${f(d.rttMs.avg)} ms (p95 ${f(d.rttMs.p95)})  ${jitter}  loss ${f(d.lossPct, 1)} %  MOS ${f(d.mos.avg, 2)} (min ${f(d.mos.min, 2)})  ${d.seconds} s`;
}

/** The text report (problems first). */
export function renderLogText(log, file) {
  const out = [];
  out.push(`CCP log ${file}: ${LABEL[log.verdict]}`);
  out.push(`  ${log.entries} entries from ${log.from ?? '?'} to ${log.to ?? '?'}${log.duplicatesRemoved ? ` (${log.duplicatesRemoved} duplicates from the CCP and page layers removed)` : ''}`);
  out.push(`  Streams ${log.versions.streams ?? 'unknown'}, rtc-js ${log.versions.rtcJs ?? 'unknown'}. ${log.versions.jitterMeaningReason}`);
  for (const m of log.messages) out.push(`  Note: ${m}`);
  out.push('');
  out.push(log.problems.length ? `Problems (${log.problems.length}):` : 'No problems found.');
  for (const p of log.problems) {
    out.push(`  [${LABEL[p.severity]}] ${p.title}${p.at ? ` (${p.at})` : ''}`);
    if (p.detail) out.push(`      ${p.detail}`);
    for (const r of p.remedies.slice(0, 3)) out.push(`      - ${r.text} (${r.source})`);
  }
  out.push('');
  out.push(`Calls (${log.calls.length}):`);
  for (const c of log.calls) {
    const dur = c.durationMs === null ? '?' : `${Math.round(c.durationMs / 1000)} s`;
    out.push(`  ${LABEL[c.verdict]}  ${c.contactId ?? '(contact id not in the log)'}  started ${c.startedAt ?? '?'}  ${dur}`);
    out.push(direction('What the agent hears ', c.agentHears));
    out.push(direction('What the caller hears', c.callerHears));
    out.push(`    ${c.summary}`);
  }
  if (log.states.length) {
    out.push('');
    out.push('Agent states:');
    for (const s of log.states.slice(0, 50)) out.push(`  ${s.at}  ${s.name}`);
  }
  return out.join('\n') + '\n';
}

/** The JSON form: the parse result without the chart series (figures only). */
export function logJson(log) {
  const strip = (d) => (d ? { ...d, series: undefined } : d);
  return { ...log, calls: log.calls.map((c) => ({ ...c, agentHears: strip(c.agentHears), callerHears: strip(c.callerHears) })) };
}

/** @param {string[]} args @param {{ stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream }} io */
export async function logMain(args, io) {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(USAGE + '\n');
    return 0;
  }
  const json = args.includes('--json');
  const unknown = args.filter((a) => a.startsWith('-') && a !== '--json');
  const files = args.filter((a) => !a.startsWith('-'));
  if (unknown.length || files.length !== 1) {
    io.stderr.write(`ccp-preflight log: ${unknown.length ? `unknown option ${unknown[0]}` : files.length ? 'give one file' : 'which file? Give the path of the CCP log'}.\n\n${USAGE}\n`);
    return 3;
  }
  const file = files[0];
  let text;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const why = e && e.code === 'ENOENT' ? 'there is no such file' : e && e.code === 'EISDIR' ? 'it is a folder' : e instanceof Error ? e.message : String(e);
    io.stderr.write(`ccp-preflight log: cannot read "${file}": ${why}. Check the path of the agent's agent-log.txt.\n`);
    return 3;
  }
  let parseCcpLog;
  try {
    const built = '../dist/report.js'; // the built package; its types are src/report's
    ({ parseCcpLog } = await import(built));
  } catch {
    io.stderr.write('ccp-preflight log: the package is not built (dist/report.js is missing). Run "npm run build" first.\n');
    return 3;
  }
  const log = parseCcpLog(text);
  if (!log.ok) {
    if (json) io.stdout.write(JSON.stringify(logJson(log), null, 2) + '\n');
    io.stderr.write(`ccp-preflight log: "${file}": ${log.messages[0]}\n`);
    return 3;
  }
  io.stdout.write(json ? JSON.stringify(logJson(log), null, 2) + '\n' : renderLogText(log, file));
  return 0;
}
