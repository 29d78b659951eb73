import { define } from '../../internal/define.js';
import { CcpPreflightFleetElement } from './ccp-preflight-fleet.element.js';

export { CcpPreflightFleetElement };
define('ccp-preflight-fleet', CcpPreflightFleetElement);

declare global {
  interface HTMLElementTagNameMap {
    'ccp-preflight-fleet': CcpPreflightFleetElement;
  }
}
