/**
 * The widget's plain modules (src/elements/ccp-preflight/{options,failover-policy,share}.ts): attribute
 * parsing, the failover policy and the report text / clipboard, in Node without a DOM.
 */
import { describe, expect, it } from 'vitest';
import { buildRunOptions, effectiveCcpMode, parseChecksAttribute, parseIceServersAttribute } from '../../src/elements/ccp-preflight/options.js';
import { failoverPanelWanted, failoverReason, shouldAutoFailover, switchedMessage } from '../../src/elements/ccp-preflight/failover-policy.js';
import { copyToClipboard, downloadName, reportText } from '../../src/elements/ccp-preflight/share.js';
import { decodeShareCode } from '../../src/report/share.js';
import type { FailoverRecord, Report } from '../../src/report/schema.js';
import { CHECK_IDS } from '../../src/report/schema.js';

function report(fit: 'yes' | 'no' | 'unknown'): Report {
  return {
    schema: 'ccp-preflight/1',
    id: 'r-1',
    createdAt: '2026-03-04T05:06:07.089Z',
    tool: { name: 'ccp-preflight', version: '0.1.0' },
    subject: { ccpMode: 'full', agent: { username: 'jane.doe', softphoneEnabled: true, dialableCountries: [] } },
    environment: { userAgent: 'x', browser: { family: 'chrome', major: 1 }, platform: 'x', logicalCores: 2, deviceMemoryGb: 4 },
    verdict: fit === 'no' ? 'fail' : 'pass',
    summary: fit === 'no' ? 'Softphone not fit: Media failed.' : 'Softphone ready.',
    softphone: { fit, blockers: [] },
    checks: [],
    calls: [],
  } as unknown as Report;
}

describe('widget options', () => {
  it('parses ice-servers and checks, refusing bad values with what to give instead', () => {
    expect(parseIceServersAttribute('[{"urls":"turn:t.example.com:3478","username":"u","credential":"p"}]')).toHaveLength(1);
    expect(() => parseIceServersAttribute('{nope')).toThrow(/not valid JSON.*Give a JSON array/);
    expect(() => parseIceServersAttribute('[{"urls":"http://x"}]')).toThrow(/not a stun:, turn: or turns: URL/);
    expect(parseChecksAttribute('ccp, media  ice-udp')).toEqual(['ccp', 'media', 'ice-udp']);
    expect(() => parseChecksAttribute('ccp quic')).toThrow(`Known checks: ${CHECK_IDS.join(', ')}.`);
  });

  it('builds run options from attributes; attaching without a ccp-url still runs the CCP part in full mode', () => {
    expect(buildRunOptions({ checks: 'media', duration: 4, ccpUrl: 'https://a.my.connect.aws/ccp-v2', region: 'eu-west-2', label: ' Desk 14 ' })).toEqual({
      checks: ['media'],
      durationS: 4,
      ccpUrl: 'https://a.my.connect.aws/ccp-v2',
      region: 'eu-west-2',
      subject: { label: 'Desk 14' },
    });
    expect(buildRunOptions({ attached: true }).ccpMode).toBe('full');
    expect(buildRunOptions({ attached: true, ccpMode: 'media-less' }).ccpMode).toBe('media-less');
    expect(buildRunOptions({}).ccpMode).toBeUndefined();
    expect(effectiveCcpMode(undefined, undefined, false)).toBe('none');
    expect(effectiveCcpMode(undefined, undefined, true)).toBe('full');
    expect(effectiveCcpMode('none', 'https://a.my.connect.aws/ccp-v2', true)).toBe('none');
  });
});

describe('failover policy', () => {
  it('switches on its own only with policy auto, a number, an unfit softphone and an agent still on it', () => {
    const unfit = report('no');
    expect(shouldAutoFailover({ policy: 'auto', number: '+14155550123', report: unfit, softphoneEnabled: true })).toBe(true);
    expect(shouldAutoFailover({ policy: 'ask', number: '+14155550123', report: unfit, softphoneEnabled: true })).toBe(false);
    expect(shouldAutoFailover({ policy: 'auto', number: undefined, report: unfit, softphoneEnabled: true })).toBe(false);
    expect(shouldAutoFailover({ policy: 'auto', number: '+14155550123', report: report('yes'), softphoneEnabled: true })).toBe(false);
    expect(shouldAutoFailover({ policy: 'auto', number: '+14155550123', report: unfit, softphoneEnabled: false })).toBe(false);
  });

  it('offers the panel when unfit, on an external phone, or with a number after a run; says what changed', () => {
    expect(failoverPanelWanted({ report: undefined, softphoneEnabled: true, number: '+1415' }).show).toBe(false);
    expect(failoverPanelWanted({ report: report('yes'), softphoneEnabled: true, number: undefined }).show).toBe(false);
    expect(failoverPanelWanted({ report: report('yes'), softphoneEnabled: true, number: '+1415' })).toEqual({ show: true, unfit: false, deskphone: false });
    expect(failoverPanelWanted({ report: undefined, softphoneEnabled: false, number: undefined })).toEqual({ show: true, unfit: false, deskphone: true });
    expect(failoverReason(report('no'))).toBe('Softphone not fit: Softphone not fit: Media failed.');
    expect(failoverReason(undefined)).toBe('Requested by the agent.');
    const rec = { action: 'to-external-phone', after: { softphoneEnabled: false, extension: '+14155550123' } } as FailoverRecord;
    expect(switchedMessage(rec)).toMatch(/ring on \+14155550123.*switch back/);
    expect(switchedMessage({ ...rec, action: 'to-softphone' } as FailoverRecord)).toBe('Calls ring in the softphone again.');
  });
});

describe('report text and clipboard', () => {
  it('JSON is redacted on request; the share code decodes to the report; no report is a clear error', async () => {
    const r = report('yes');
    expect(JSON.parse(await reportText(r, 'json', false)).subject.agent.username).toBe('jane.doe');
    expect(await reportText(r, 'json', true)).not.toContain('jane.doe');
    const code = await reportText(r, 'code', false);
    expect(code.startsWith('CCPF1.')).toBe(true);
    expect(JSON.parse(await decodeShareCode(code)).id).toBe('r-1');
    await expect(reportText(undefined, 'json', false)).rejects.toThrow(/no report yet: run the check first/);
  });

  it('copies, or hands back the text to copy by hand when the browser refuses', async () => {
    const written: string[] = [];
    expect(await copyToClipboard('abc', 'code', { writeText: async (t) => void written.push(t) })).toMatchObject({ ok: true, message: expect.stringMatching(/Share code copied/) });
    expect(written).toEqual(['abc']);
    const refused = await copyToClipboard('abc', 'json', { writeText: async () => Promise.reject(new Error('NotAllowedError')) });
    expect(refused).toEqual({ ok: false, fallback: 'abc', message: expect.stringMatching(/did not allow copying.*Ctrl\+C/) });
    expect(downloadName(report('yes'))).toBe('ccp-preflight-2026-03-04T05-06-07-089Z.json');
  });
});
