/**
 * What the collector stores: the report with every credential removed (redactReport of the report module),
 * keeping the agent's name and username when the host chose to send them (they key the fleet view).
 */
import { redactReport, type Report } from '../src/report/index.js';

const KEEP_IDENTITY = ['name', 'username'] as const;

export function storableReport(report: Report): Report {
  const out = redactReport(report);
  const agent = report.subject?.agent;
  if (agent && out.subject) {
    const kept: Record<string, string> = {};
    for (const k of KEEP_IDENTITY) {
      const v = agent[k];
      // Only a plain identity string: never something that looks like a URL or a key=value secret.
      if (typeof v === 'string' && v.length <= 200 && !/[:=/]/.test(v)) kept[k] = v;
    }
    if (Object.keys(kept).length) {
      out.subject = { ...out.subject, agent: { ...(out.subject.agent ?? {}), ...kept } };
      const keptPaths = new Set(Object.keys(kept).map((k) => `subject.agent.${k}`));
      out.redacted = (out.redacted ?? []).filter((p) => !keptPaths.has(p));
    }
  }
  return out;
}

/** Keys dropped from a call summary wherever they appear (the same credential names the report redaction uses). */
const CREDENTIAL_KEY = /^(credentials?|password|passwd|pass|secret|token|access_?token|auth_?token|authorization|api_?key|access_?key|secret_?key|session_?token|cookie|private_?key)$/i;

/** A deep copy of a parsed call body without credential-named keys (agent identity stays, as for reports). */
export function stripCredentials(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripCredentials);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(v)) if (!CREDENTIAL_KEY.test(k)) out[k] = stripCredentials(val);
  return out;
}
