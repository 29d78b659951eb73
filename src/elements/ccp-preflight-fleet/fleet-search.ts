/**
 * The fleet search in the reader's language (DOM-free). The collector searches the writer's English words of a
 * cause (`cause_text`), while the view names each cause again in the reader's language (fleet-texts.ts
 * `causeName`): a Spanish-speaking supervisor who types "pérdida" would find nothing. Here the query is matched,
 * ignoring case and accents, against each known cause's name as the view shows it (and its English words and
 * code), and the matching cause codes go to the collector beside the query (`causes=`), which ORs them into it.
 */
import type { Loose } from '../../report/definition/format.js';
import { CAUSE_CODE_RE, MAX_SEARCH_CAUSES, MAX_SEARCH_CAUSES_CHARS, type FleetAgent, type FleetAggregates } from './fleet-api.js';
import { causeName } from './fleet-texts.js';

/** A cause the view may show, with a writer's English `Title: summary` for it. */
export interface CauseCandidate {
  cause: string;
  causeText: string | null;
}

/** Shortest query (after folding) matched against cause names: one letter would match nearly every cause. */
export const MIN_CAUSE_QUERY_CHARS = 2;
/** Most distinct causes looked at, and writer's texts kept per cause (bounded work per keystroke). */
export const MAX_CANDIDATES = 500;
const MAX_TEXTS_PER_CAUSE = 4;

/**
 * Text folded for matching: compatibility forms (full-width letters, no-break spaces), marks removed (é -> e,
 * ü -> u; in Japanese the voicing marks, on both sides alike), lower case, one space between words.
 */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** Figures that make a test call cause say its full sentence, as the agents table shows it with the row's figures. */
const SOME_FIGURES: Loose = { rttMs: 0, jitterMs: 0, lossPct: 0, mos: 0 };

/**
 * The names one cause may be shown under in the active language (the problems list's short name, the agents
 * table's sentence for a failing or warning report), with its English writer's text and its code.
 */
export function causeNames(c: CauseCandidate): string[] {
  const names = new Set<string>([c.cause, causeName(c.cause, c.causeText)]);
  if (c.causeText) names.add(c.causeText);
  for (const verdict of ['fail', 'warn']) {
    names.add(causeName(c.cause, c.causeText, { verdict }));
    names.add(causeName(c.cause, c.causeText, { verdict, data: SOME_FIGURES }));
  }
  return [...names];
}

/**
 * The cause codes whose name, as shown in the active language or in the writer's English, holds every word of
 * `query` (case- and accent-insensitive), in the candidates' order (most agents first), at most
 * MAX_SEARCH_CAUSES codes and MAX_SEARCH_CAUSES_CHARS characters joined; codes of another shape are left to
 * the collector's own text search.
 */
export function causesMatching(query: string, candidates: Iterable<CauseCandidate>): string[] {
  const q = fold(query);
  if ([...q].length < MIN_CAUSE_QUERY_CHARS) return [];
  const words = q.split(' ');
  const texts = new Map<string, Set<string | null>>();
  for (const c of candidates) {
    if (!CAUSE_CODE_RE.test(c.cause)) continue;
    let t = texts.get(c.cause);
    if (!t) {
      if (texts.size >= MAX_CANDIDATES) continue;
      texts.set(c.cause, (t = new Set()));
    }
    if (t.size < MAX_TEXTS_PER_CAUSE) t.add(c.causeText);
  }
  const out: string[] = [];
  let chars = -1;
  for (const [cause, causeTexts] of texts) {
    const names = [...causeTexts].flatMap((causeText) => causeNames({ cause, causeText })).map(fold);
    if (!names.some((n) => words.every((w) => n.includes(w)))) continue;
    if (out.length >= MAX_SEARCH_CAUSES || chars + 1 + cause.length > MAX_SEARCH_CAUSES_CHARS) break;
    out.push(cause);
    chars += 1 + cause.length;
  }
  return out;
}

/** The causes the view knows: the fleet's list (newer collectors), its problems by cause and site, the page's agents. */
export function causeCandidates(agg: FleetAggregates | undefined, agents: readonly FleetAgent[] | undefined): CauseCandidate[] {
  const out: CauseCandidate[] = [...(agg?.causes ?? []), ...(agg?.byCause ?? [])];
  for (const a of agents ?? []) if (a.latest.cause) out.push({ cause: a.latest.cause, causeText: a.latest.causeText });
  return out;
}
