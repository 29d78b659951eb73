/**
 * Where keyboard focus goes in the widget (issue "The agent's answer on one screen"): to the answer when a run
 * ends, to the Run button when there is nothing to show, and into the failover panel through a phone switch.
 */

type Root = HTMLElement | DocumentFragment;
type Updating = HTMLElement & { updateComplete: Promise<unknown> };

/** Focuses the first element matching `selector` in `root`. */
export function focusIn(root: Root, selector: string): void {
  root.querySelector<HTMLElement>(selector)?.focus();
}

/** After a run: the report's answer (`verdict`), or the Run button (`run`) when there is no report to show. */
export async function focusAfterRun(root: Root, to: 'verdict' | 'run'): Promise<void> {
  const viewer = root.querySelector<Updating & { focusVerdict(): void }>('ccp-preflight-report');
  if (to === 'verdict' && viewer) {
    await viewer.updateComplete;
    viewer.focusVerdict();
  } else focusIn(root, '[part="run-button"]');
}

/** After a phone switch: the failover panel's next action (its first enabled button, else its number field). */
export async function focusFailoverPanel(root: Root): Promise<void> {
  const panel = root.querySelector<Updating>('ccp-preflight-failover');
  if (!panel) return;
  await panel.updateComplete;
  const inner = panel.shadowRoot;
  const target = inner?.querySelector<HTMLElement>('button:not([disabled])') ?? inner?.querySelector<HTMLElement>('input');
  target?.focus();
}
