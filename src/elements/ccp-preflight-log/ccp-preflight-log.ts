import { define } from '../../internal/define.js';
import { CcpPreflightLogElement } from './ccp-preflight-log.element.js';

export { CcpPreflightLogElement };
define('ccp-preflight-log', CcpPreflightLogElement);

declare global {
  interface HTMLElementTagNameMap {
    'ccp-preflight-log': CcpPreflightLogElement;
  }
}
