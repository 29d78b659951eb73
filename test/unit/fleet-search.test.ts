// The fleet search in the reader's language: the causes whose names, as the fleet view shows them in the active
// language (fleet-texts.ts causeName), hold the words typed, ignoring case and accents, with English still found.
import { afterAll, describe, expect, it } from 'vitest';
import { causeCandidates, causeNames, causesMatching, fold, MIN_CAUSE_QUERY_CHARS, type CauseCandidate } from '../../src/elements/ccp-preflight-fleet/fleet-search.js';
import { causeName } from '../../src/elements/ccp-preflight-fleet/fleet-texts.js';
import { CAUSE_CODE_RE, MAX_SEARCH_CAUSES, MAX_SEARCH_CAUSES_CHARS, type FleetAgent, type FleetAggregates } from '../../src/elements/ccp-preflight-fleet/fleet-api.js';
import { setLocale } from '../../src/i18n/runtime.js';
import { TARGET_LOCALES } from '../../src/i18n/locale.js';

/** Causes as the collector files them: the code and the writer's English `Title: summary`. */
const CAUSES: CauseCandidate[] = [
  { cause: 'ice-udp/turn-unreachable', causeText: 'STUN/TURN over UDP: turn:turn.example.com:3478: the TURN server could not be reached over UDP.' },
  { cause: 'media/high-loss', causeText: 'Test call: Test call through turn:turn.example.com:3478: packet loss 6.2 % is above 5 %.' },
  { cause: 'media/fail', causeText: 'Test call: The test call sounded poor.' },
  { cause: 'devices/permission-denied', causeText: 'Microphone and headset: The microphone permission was denied for this site.' },
  { cause: 'workstation/cpu-slow', causeText: 'Workstation: The CPU speed estimate 1.7 GHz is under the 2 GHz minimum.' },
  { cause: 'browser/too-old', causeText: 'Browser: Chrome 118 is older than the latest three versions.' },
  { cause: 'newer-check/odd-code', causeText: 'Headset battery: The wireless headset battery is low.' },
];

describe('fold', () => {
  it('ignores case, accents, compatibility forms and spacing', () => {
    expect(fold('  PÉRDIDA  de\u00a0Paquetes ')).toBe('perdida de paquetes');
    expect(fold('Mikrofon über')).toBe('mikrofon uber');
    expect(fold('ＵＤＰ')).toBe('udp');
    expect(fold('perte\u202fde paquets')).toBe('perte de paquets');
    // Japanese voicing marks go on both sides alike, so a query still finds its word.
    expect(fold('パケットロス')).toBe(fold('パケットロス'));
    expect(fold('テスト通話の音質').includes(fold('音質'))).toBe(true);
  });
});

describe('causes matching a search in the reader\'s language', () => {
  afterAll(() => setLocale('en'));

  it('Spanish: "pérdida" finds the test call causes, with or without its accent, in any case', async () => {
    await setLocale('es');
    for (const q of ['pérdida', 'perdida', 'PÉRDIDA', 'Perdida de paquetes']) {
      expect(causesMatching(q, CAUSES), q).toEqual(['media/high-loss', 'media/fail']);
    }
    expect(causesMatching('microfono bloqueado', CAUSES)).toEqual(['devices/permission-denied']);
    // Every word must be in one name: words from two causes find neither.
    expect(causesMatching('pérdida micrófono', CAUSES)).toEqual([]);
  });

  it('Japanese: "パケット" (packet) finds the test call causes', async () => {
    await setLocale('ja');
    expect(causesMatching('パケット', CAUSES)).toEqual(['media/high-loss', 'media/fail']);
    expect(causesMatching('マイク', CAUSES)).toEqual(['devices/permission-denied']);
  });

  it.each(TARGET_LOCALES)('%s: each cause is found by its own name as the view shows it (the same naming)', async (locale) => {
    await setLocale(locale);
    for (const c of CAUSES) {
      const shown = causeName(c.cause, c.causeText);
      expect(causesMatching(shown, CAUSES), `${locale} ${shown}`).toContain(c.cause);
      expect(causesMatching(shown.toUpperCase(), CAUSES), `${locale} ${shown}`).toContain(c.cause);
      // The agents table's sentence for a test call with its figures (not the figures themselves) is found too.
      if (c.cause.startsWith('media/')) {
        const row = causeName(c.cause, c.causeText, { verdict: 'fail', data: { rttMs: 420, jitterMs: 41, lossPct: 6.2, mos: 2.9 } });
        const words = row.replace(/[\d.,:：。%]+/g, ' ').split(/\s+/).filter((w) => [...w].length > 3).slice(-6, -2).join(' ');
        expect(causesMatching(words, CAUSES), `${locale} ${words}`).toContain(c.cause);
      }
    }
  });

  it.each(['en', ...TARGET_LOCALES] as const)('%s: an English query still works (the writer\'s words, the code)', async (locale) => {
    await setLocale(locale);
    expect(causesMatching('turn server could not be reached', CAUSES)).toEqual(['ice-udp/turn-unreachable']);
    // Every word, not the phrase: "permission was denied" is found by "denied permission".
    expect(causesMatching('denied permission', CAUSES)).toEqual(['devices/permission-denied']);
    expect(causesMatching('cpu-slow', CAUSES)).toEqual(['workstation/cpu-slow']);
    // A code this version does not know: its writer's words.
    expect(causesMatching('battery', CAUSES)).toEqual(['newer-check/odd-code']);
  });

  it('names a cause with the view\'s own naming (short name, and the table\'s sentences for a failing or warning report)', async () => {
    await setLocale('es');
    const names = causeNames(CAUSES[1]!);
    expect(names).toContain(causeName('media/high-loss', CAUSES[1]!.causeText));
    expect(names).toContain(CAUSES[1]!.causeText);
    expect(names.some((n) => /pérdida de paquetes/.test(n))).toBe(true);
  });
});

describe('bounds', () => {
  afterAll(() => setLocale('en'));

  it('matches nothing for fewer than two characters, or only spaces', async () => {
    await setLocale('es');
    expect(MIN_CAUSE_QUERY_CHARS).toBe(2);
    expect(causesMatching('a', CAUSES)).toEqual([]);
    expect(causesMatching('   ', CAUSES)).toEqual([]);
    expect(causesMatching('', CAUSES)).toEqual([]);
  });

  it('sends at most MAX_SEARCH_CAUSES codes, most agents first (the candidates\' order), within the length bound', () => {
    const many = Array.from({ length: 120 }, (_, i) => ({ cause: `media/code-${String(i).padStart(3, '0')}`, causeText: 'Test call: bad' }));
    const got = causesMatching('test call', many);
    expect(got).toHaveLength(MAX_SEARCH_CAUSES);
    expect(got).toEqual(many.slice(0, MAX_SEARCH_CAUSES).map((c) => c.cause));
    const long = Array.from({ length: 40 }, (_, i) => ({ cause: `${'c'.repeat(40)}${i}/${'x'.repeat(46)}${String(i).padStart(2, '0')}`, causeText: 'Test call: bad' }));
    const joined = causesMatching('test call', long).join(',');
    expect(joined.length).toBeLessThanOrEqual(MAX_SEARCH_CAUSES_CHARS);
    expect(joined.split(',').length).toBeLessThan(long.length);
  });

  it('leaves out codes the collector would refuse, and sends each code once', () => {
    const odd = [
      { cause: 'media/fail', causeText: 'Test call: bad' },
      { cause: 'media/fail', causeText: 'Test call: worse' },
      { cause: 'a cause, with spaces/x', causeText: 'Test call: bad' },
      { cause: 'no-slash', causeText: 'Test call: bad' },
    ];
    expect(causesMatching('test call', odd)).toEqual(['media/fail']);
    for (const c of causesMatching('test', CAUSES)) expect(c).toMatch(CAUSE_CODE_RE);
  });

  it('takes its candidates from the fleet\'s causes, its problems list and the page\'s agents, in that order', () => {
    const agg = { causes: [{ cause: 'a/x', causeText: null }], byCause: [{ cause: 'b/y', causeText: 'B', site: null, agents: 1, unfit: 0, since: '' }] } as unknown as FleetAggregates;
    const agents = [{ latest: { cause: 'c/z', causeText: 'C' } }, { latest: { cause: null, causeText: null } }] as unknown as FleetAgent[];
    expect(causeCandidates(agg, agents).map((c) => c.cause)).toEqual(['a/x', 'b/y', 'c/z']);
    // An older collector without `causes`: the problems list and the page.
    expect(causeCandidates({ ...agg, causes: undefined } as FleetAggregates, agents).map((c) => c.cause)).toEqual(['b/y', 'c/z']);
    expect(causeCandidates(undefined, undefined)).toEqual([]);
  });
});
