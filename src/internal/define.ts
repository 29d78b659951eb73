/**
 * Registers a custom element, tolerating a second load of the same script (custom agent desktops often load
 * a bundle twice, or two bundles that both contain the widget). `customElements.define` throws
 * "NotSupportedError: ... has already been used with this registry" on a repeated tag, which would break the
 * host page; here a repeat is ignored.
 *
 * - Tag not yet defined: defined with `ctor`; returns `ctor`.
 * - Tag already defined (by this class, or another copy of it from a second bundle): nothing is redefined;
 *   returns the constructor already registered. A differing constructor is reported once with
 *   `console.warn` (not thrown), because the first registration wins for the page's lifetime.
 * - No `customElements` (Node, SSR, tooling): does nothing and returns `ctor`.
 */
const warned = new Set<string>();

export function define<T extends CustomElementConstructor>(tag: string, ctor: T): CustomElementConstructor {
  const registry = (globalThis as { customElements?: CustomElementRegistry }).customElements;
  if (!registry) return ctor;
  const existing = registry.get(tag);
  if (existing) {
    if (existing !== ctor && !warned.has(tag)) {
      warned.add(tag);
      console.warn(
        `<${tag}> was already defined by another copy of ccp-preflight; the first one loaded stays in use. ` +
          'Load the ccp-preflight bundle once per page to avoid mixing versions.',
      );
    }
    return existing;
  }
  try {
    registry.define(tag, ctor);
    return ctor;
  } catch (err) {
    // A race between two copies, or the same constructor registered under another tag: keep the page working.
    const now = registry.get(tag);
    if (now) return now;
    console.warn(`<${tag}> could not be defined: ${err instanceof Error ? err.message : String(err)}`);
    return ctor;
  }
}
