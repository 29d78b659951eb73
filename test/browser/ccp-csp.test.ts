/**
 * The widget under a strict style policy (`style-src 'self'`): its progress bar moves through the CSSOM, so a
 * run raises no securitypolicyviolation (an inline `style` attribute binding would raise one per tick).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { CcpPreflightElement } from '../../src/index.js';

describe('<ccp-preflight> under style-src \'self\'', () => {
  it('runs with a moving progress bar and no CSP violation', async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "style-src 'self'";
    document.head.append(meta);
    // The policy is in force: an inline style attribute set from markup is refused.
    const probe = document.createElement('div');
    probe.innerHTML = '<span style="color: red"></span>';
    document.body.append(probe);
    await waitUntil(() => violations.length > 0, 'the policy reports an inline style attribute', { timeout: 2000 });
    probe.remove();
    violations.length = 0;

    const el = await fixture<CcpPreflightElement>(html`<ccp-preflight checks="browser,workstation" ccp-mode="none"></ccp-preflight>`);
    const widths: string[] = [];
    el.addEventListener('ccp-preflight-progress', () => {
      void el.updateComplete.then(() => {
        const bar = el.shadowRoot!.querySelector<HTMLElement>('.progress-bar');
        if (bar) widths.push(bar.style.width);
      });
    });
    await el.run();
    expect(widths.length).to.be.greaterThan(1);
    expect(new Set(widths).size, `widths seen: ${widths.join(' ')}`).to.be.greaterThan(1);
    expect(violations, violations.join('\n')).to.deep.equal([]);
  });
});
