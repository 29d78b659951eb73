import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { ALL_CHECKS } from '../../src/checks/index.js';
import { CHECK_IDS, type CheckId } from '../../src/report/schema.js';
import { REMEDIES, REMEDY_CATALOGUE, SOFTPHONE_ERROR_REMEDIES, remediesFor } from '../../src/report/remedies.js';
import { ENDPOINTS_CODES } from '../../src/checks/endpoints.js';

/** A remedy's source names a public document by title and links it (never an internal copy, "seed"). */
const SOURCE = /^(?!.*\bseed\b)[A-Z][^;]*: https:\/\/[^\s;]+(; [A-Z][^;]*: https:\/\/[^\s;]+)*$/;
/** Codes the runner itself emits (not in any check's `codes`). */
const RUNNER_CODES = ['timeout', 'error'];
/** Meanings that mark a skip code (no remedy needed): "(skip", "skipped", "Not run". */
const SKIP_MEANING = /\bskip(ped)?\b|not run/i;
/** Meanings marked "(info)": reported, never warn/fail. */
const INFO_MEANING = /\(info\)\s*$/;

// The seeds live beside the repository (../shared/seeds); the tests that quote them run where they exist.
const seedUrl = (n: '000' | '003') => new URL(`../../../shared/seeds/${n}_${n === '000' ? '1ea414fdfdde352d' : 'a25a45bf1ad98c57'}.txt`, import.meta.url);
const haveSeeds = existsSync(seedUrl('000')) && existsSync(seedUrl('003'));
const seeds = haveSeeds ? (['000', '003'] as const).map((n) => readFileSync(seedUrl(n), 'utf8')) : [];

describe('remedy catalogue', () => {
  it('every check id has a fallback, and the registry covers every id', () => {
    for (const id of CHECK_IDS) expect(REMEDY_CATALOGUE[`${id}:*`], id).toBeDefined();
    expect(ALL_CHECKS.map((c) => c.id).sort()).toEqual([...CHECK_IDS].sort());
  });

  it('every code of every check (and the runner codes timeout/error) gets remedies with a source', () => {
    const rows: string[] = [];
    for (const check of ALL_CHECKS) {
      const codes = [...Object.keys(check.codes), ...RUNNER_CODES];
      for (const code of codes) {
        const meaning = (check.codes as Record<string, string>)[code] ?? '';
        if (SKIP_MEANING.test(meaning)) continue;
        const list = remediesFor(check.id, code);
        expect(list.length, `${check.id}:${code}`).toBeGreaterThan(0);
        for (const r of list) {
          expect(r.text.length, r.id).toBeGreaterThan(20);
          expect(r.source, `${check.id}:${code} -> ${r.id}`).toMatch(SOURCE);
        }
        rows.push(`${check.id}:${code}${REMEDY_CATALOGUE[`${check.id}:${code}`] ? '' : ' (fallback)'}`);
      }
    }
    expect(rows.length).toBeGreaterThan(20);
  });

  it('every warn/fail code of every check has its own entry (not only the fallback)', () => {
    const missing: string[] = [];
    for (const check of ALL_CHECKS) {
      for (const [code, meaning] of Object.entries(check.codes as Record<string, string>)) {
        if (SKIP_MEANING.test(meaning) || INFO_MEANING.test(meaning)) continue;
        if (!REMEDY_CATALOGUE[`${check.id}:${code}`]) missing.push(`${check.id}:${code}`);
      }
    }
    expect(missing, 'add these keys to REMEDY_CATALOGUE in src/report/remedies.ts').toEqual([]);
  });

  it('every endpoints warn/fail code has its own entry, and no entry names a code the check does not emit', () => {
    for (const [code, meaning] of Object.entries(ENDPOINTS_CODES)) {
      if (SKIP_MEANING.test(meaning)) continue;
      expect(REMEDY_CATALOGUE[`endpoints:${code}`], code).toBeDefined();
    }
    for (const key of Object.keys(REMEDY_CATALOGUE)) {
      const [id, code] = key.split(':') as [CheckId, string];
      expect(CHECK_IDS, key).toContain(id);
      if (id === 'endpoints' && code !== '*') expect(Object.keys(ENDPOINTS_CODES), key).toContain(code);
    }
  });

  it('says what the seeds say: ports, ranges, directions, 30 days, shift-long cache, VDI, Direct Connect', () => {
    expect(REMEDIES.udp3478.text).toMatch(/UDP 3478.*AMAZON_CONNECT ranges of the instance's Region/);
    expect(REMEDIES.tcp443Ec2.text).toMatch(/TCP 443.*EC2 ranges.*rtc\.connect-telecom\.<region>\.amazonaws\.com/);
    expect(REMEDIES.tcp443CloudFront.text).toMatch(/every CLOUDFRONT range.*global/);
    expect(REMEDIES.stateless.text).toMatch(/UDP 49152-65535 INBOUND from the AMAZON_CONNECT ranges/);
    expect(REMEDIES.newRanges.text).toMatch(/30 days/);
    expect(REMEDIES.proxyCert.text).toMatch(/SSL certificate cache timeout.*whole agent shift/);
    expect(REMEDIES.vdi.text).toMatch(/media-less CCP.*local desktop.*E\.164/);
    expect(REMEDIES.directConnect.text).toMatch(/edge router to AWS.*does not fix the private LAN\/WAN/);
    expect(REMEDIES.browserLatest.text).toMatch(/latest three versions of Google Chrome or Mozilla Firefox/);
    if (!haveSeeds) return;
    // The facts behind them are in the seeds, verbatim.
    const all = seeds.join('\n');
    for (const fact of ['3478', '49152-65535 (UDP)', 'INBOUND', 'minimum of 30 days', 'SSL certificate cache timeout', 'rtc.connect-telecom.{region}.amazonaws.com:443', 'USB headset', '2 GB RAM', '100 Kbps', 'does not solve issues with the private LAN/WAN']) {
      expect(all.replace(/\\/g, ''), fact).toContain(fact);
    }
  });

  it.skipIf(!haveSeeds)('every cited seed section exists in the seed text', () => {
    const text = { '000': seeds[0]!, '003': seeds[1]!.replace(/\\/g, '') };
    const cited = new Set<string>();
    // The public pages keep the sections of the documents the seeds copy: the Administrator Guide's (003) and
    // the Direct Connect whitepaper's (000).
    for (const r of Object.values(REMEDIES)) {
      for (const m of r.source.matchAll(/(AWS whitepaper|Amazon Connect Administrator Guide)[^;]*?, section "([^"]+)"/g)) cited.add(`${m[1] === 'AWS whitepaper' ? '000' : '003'}|${m[2]!}`);
    }
    expect(cited.size).toBeGreaterThan(10);
    expect([...cited]).toContain('003|Network Ports and Protocols');
    for (const c of cited) {
      const [seed, section] = c.split('|') as ['000' | '003', string];
      expect(text[seed].toLowerCase(), `seed ${seed}, ${section}`).toContain(section.toLowerCase());
    }
  });

  it('fills the Region, its signaling host and the instance URL into the texts when given', () => {
    const [dns, ec2] = remediesFor('endpoints', 'signaling-dns', { region: 'eu-west-2', signalingHost: 'rtc.cell-1.prod.eu-west-2.prod.connect.aws.a2z.com' });
    expect(dns!.id).toBe('dns-resolve');
    expect(ec2!.text).toContain("the EC2 ranges of the instance's Region (eu-west-2)");
    expect(ec2!.text).toContain('allow the host rtc.cell-1.prod.eu-west-2.prod.connect.aws.a2z.com on port 443');
    const [cf] = remediesFor('endpoints', 'instance-unreachable', { instance: 'https://acme.my.connect.aws' });
    expect(cf!.text).toContain('or instead the instance URL (https://acme.my.connect.aws) on port 443');
    const [udp] = remediesFor('ice-udp', 'turn-unreachable', { region: 'us-east-1' });
    expect(udp!.text).toContain('`ccp-preflight allowlist --region us-east-1 --ip-ranges ip-ranges.json`');
    // Without a context, or with junk, the catalogue text stays as written.
    expect(remediesFor('endpoints', 'signaling-dns')[1]!.text).toContain('rtc.connect-telecom.<region>.amazonaws.com');
    expect(remediesFor('endpoints', 'signaling-dns', { region: '<script>' })[1]!.text).toContain('<region>');
  });

  it('is the one catalogue: unique ids, one text each, every entry and softphone error cited by a public link', () => {
    const all = Object.values(REMEDIES);
    expect(new Set(all.map((x) => x.id)).size).toBe(all.length);
    for (const x of all) expect(x.source, x.id).toMatch(SOURCE);
    const used = [...Object.values(REMEDY_CATALOGUE).flat(), ...Object.values(SOFTPHONE_ERROR_REMEDIES).flatMap((a) => a.remedies)];
    for (const x of used) expect(all, x.id).toContain(x);
    expect(SOURCE.test('seed 003, Network Ports and Protocols')).toBe(false);
    expect(SOURCE.test('Amazon Connect Administrator Guide: Set up your network')).toBe(false);
  });

  it('falls back to the check fallback for unknown codes and dedupes', () => {
    expect(remediesFor('media', 'never-heard-of-it')).toEqual([...REMEDY_CATALOGUE['media:*']!]);
    const ids = remediesFor('ice-udp', 'partial').map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(remediesFor('endpoints', undefined).length).toBeGreaterThan(0);
  });
});
