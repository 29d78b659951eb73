/**
 * What the widget needs only once there is a report to show: the `<ccp-preflight-report>` element and the agent's
 * answer (and a check's finding in the reader's language, for the live announcements). One chunk, loaded when a run starts or a report is set, so the widget's first paint does not wait for it.
 */
import '../ccp-preflight-report/ccp-preflight-report.js';

export { agentAnswer } from '../ccp-preflight-report/answer.js';
export { findingText } from '../../i18n/report-texts.js';
