import { define } from '../../internal/define.js';
import { CcpPreflightElement } from './ccp-preflight.element.js';

export { CcpPreflightElement };
define('ccp-preflight', CcpPreflightElement);

declare global {
  interface HTMLElementTagNameMap {
    'ccp-preflight': CcpPreflightElement;
  }
}
