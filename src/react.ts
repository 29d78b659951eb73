/**
 * JSX typings for React 19, which renders custom elements natively (it sets properties the element defines and
 * listens to events named after `on`). Opt in once in a desktop's TypeScript:
 *
 * ```ts
 * import type {} from 'ccp-preflight/react';
 * // <ccp-preflight ccpUrl="https://ALIAS.my.connect.aws/ccp-v2" region="us-east-1"
 * //   onccp-preflight-complete={(e) => save(e.detail.report)} />
 * ```
 *
 * Types only: this module has no code. Angular: add `CUSTOM_ELEMENTS_SCHEMA` to the component that uses the
 * tag. Vue: `compilerOptions.isCustomElement = (tag) => tag.startsWith('ccp-preflight')`, and bind objects with
 * `.prop` (`:iceServers.prop="servers"`).
 */
import type { DOMAttributes, Key, Ref, CSSProperties } from 'react';
import type { CcpPreflightElement } from './elements/ccp-preflight/ccp-preflight.element.js';
import type { CcpPreflightReportElement } from './elements/ccp-preflight-report/ccp-preflight-report.element.js';
import type { CcpPreflightEventMap } from './events.js';

/** `onccp-preflight-complete={(e) => ...}`: one typed handler prop per event. */
export type CcpPreflightEventProps = {
  [K in keyof CcpPreflightEventMap as `on${K}`]?: (event: CcpPreflightEventMap[K]) => void;
};

/** Props every element takes from React: key, ref, class, style, slot, id, ARIA and DOM events. */
type Common<E> = Omit<DOMAttributes<E>, 'children' | 'dangerouslySetInnerHTML'> & {
  key?: Key;
  ref?: Ref<E>;
  class?: string;
  className?: string;
  id?: string;
  style?: CSSProperties;
  slot?: string;
  hidden?: boolean;
  lang?: string;
};

/** The public properties of an element, all optional (React sets them as properties). */
type Props<E, K extends keyof E> = Partial<Pick<E, K>> & Common<E> & CcpPreflightEventProps;

/** `<ccp-preflight>` props. */
export type CcpPreflightProps = Props<
  CcpPreflightElement,
  'ccpUrl' | 'region' | 'ccpMode' | 'iceServers' | 'failoverNumber' | 'failoverPolicy' | 'autoRun' | 'checks' |
  'duration' | 'redact' | 'showCcp' | 'heading' | 'options'
>;

/** `<ccp-preflight-report>` props. */
export type CcpPreflightReportProps = Props<CcpPreflightReportElement, 'report' | 'baseline' | 'mode'>;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React's JSX namespace is where intrinsic elements live
  namespace JSX {
    interface IntrinsicElements {
      'ccp-preflight': CcpPreflightProps;
      'ccp-preflight-report': CcpPreflightReportProps;
    }
  }
}
