import { define } from '../../internal/define.js';
import { CcpPreflightCallQualityElement } from './ccp-preflight-call-quality.element.js';
import { CcpPreflightFailoverElement } from './ccp-preflight-failover.element.js';

export { CcpPreflightCallQualityElement, CcpPreflightFailoverElement };
define('ccp-preflight-call-quality', CcpPreflightCallQualityElement);
define('ccp-preflight-failover', CcpPreflightFailoverElement);

declare global {
  interface HTMLElementTagNameMap {
    'ccp-preflight-call-quality': CcpPreflightCallQualityElement;
    'ccp-preflight-failover': CcpPreflightFailoverElement;
  }
}
