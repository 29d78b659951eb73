// The display metadata beside the definition: every data field has an entry, and the rows people read
// (HTML view and terminal text) come from it, in plain words and consistent units.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECK_DATA } from '../../src/report/definition/checks.js';
import { CHECK_DISPLAY } from '../../src/report/definition/display.js';
import { checkRows } from '../../src/report/definition/rows.js';
import { CHECK_IDS, type Report } from './report-helpers.js';

const load = (name: string): Report => JSON.parse(readFileSync(`test/unit/fixtures/reports/${name}`, 'utf8')) as Report;
const allText = (r: ReturnType<typeof checkRows>): string => [...r.figures.flat(), ...r.tables.flatMap((t) => [t.caption, ...t.head, ...t.rows.flat()])].join('\n');

describe('display metadata', () => {
  it('has an entry (or an explicit "not shown") for every field of every check\'s data in the definition', () => {
    for (const id of CHECK_IDS) {
      const fields = Object.keys((CHECK_DATA[id] as unknown as { entries: object }).entries).sort();
      expect(Object.keys(CHECK_DISPLAY[id]).sort(), id).toEqual(fields);
    }
  });
});

describe('checkRows', () => {
  const full = load('full-pass.json');
  const byId = (r: Report, id: string) => r.checks.find((c) => c.id === id)!;

  it('shows the test call\'s figures with their units and intervals', () => {
    const media = byId(full, 'media');
    const rows = checkRows('media', media.data);
    const fig = Object.fromEntries(rows.figures);
    const d = media.data as Record<string, any>;
    expect(fig['Round trip to the relay']).toMatch(new RegExp(`^${Math.round(d.rttMs)} ms`));
    expect(fig['Sent / received']).toMatch(/^[\d,.]+ kbit\/s \/ [\d,.]+ kbit\/s$/);
    expect(rows.charts).toEqual([{ key: 'samples', label: 'Test call' }]);
  });

  it('a null measurement reads "not measured", an absent optional field is not shown', () => {
    const rows = checkRows('bandwidth', { upKbps: null, downKbps: 900, requiredKbps: 100, bytes: 1, durationMs: 1, method: 'relay' });
    const fig = Object.fromEntries(rows.figures);
    expect(fig.Upload).toBe('not measured');
    expect(fig.Download).toBe('900 kbit/s');
    expect(fig).not.toHaveProperty('Reachable with the measured loss');
  });

  it('lists become tables with plain column names', () => {
    const ice = byId(load('degraded-udp-blocked.json'), 'ice-udp');
    const [table] = checkRows('ice-udp', ice.data).tables;
    expect(table!.head).toEqual(['Server', 'Public address found (STUN)', 'Relay works (TURN)', 'Relay address', 'Errors']);
    expect(table!.rows.length).toBe((ice.data as { servers: unknown[] }).servers.length);
  });

  it('uses no internal ids or mixed units in any check of the recorded reports', () => {
    for (const name of ['full-pass.json', 'degraded-udp-blocked.json']) {
      for (const c of load(name).checks) {
        const text = allText(checkRows(c.id, c.data));
        expect(text, `${name} ${c.id}`).not.toMatch(/srflx|kbps|AMAZON_CONNECT|seed \d|\bmic-|undefined|NaN|\[object/);
      }
    }
  });

  it('a check of a newer version is shown as key and value; odd data does not throw', () => {
    expect(checkRows('dns', { resolver: '10.0.0.2' }).figures).toEqual([['resolver', '10.0.0.2']]);
    for (const id of CHECK_IDS) for (const odd of [null, 42, 'x', [], { samples: 'x', servers: [null, 1], endpoints: {} }]) expect(() => checkRows(id, odd)).not.toThrow();
  });
});
