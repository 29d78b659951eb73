import { define } from '../../internal/define.js';
import { CcpPreflightReportElement } from './ccp-preflight-report.element.js';

export { CcpPreflightReportElement };
define('ccp-preflight-report', CcpPreflightReportElement);

declare global {
  interface HTMLElementTagNameMap {
    'ccp-preflight-report': CcpPreflightReportElement;
  }
}
