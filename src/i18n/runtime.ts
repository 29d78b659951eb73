/**
 * The active language for every text shown through `msg()` (@lit/localize, runtime mode), in the browser and in
 * Node (the CLI): DOM-free. @lit/localize's own `configureLocalization` announces a change on `window`, which Node
 * has not, so this module installs the same lookup (`runtimeMsg` over the loaded locale's templates) and
 * announces on `window` only where there is one (elements using `updateWhenLocaleChanges` re-render then).
 *
 * Each translated language is its own module (src/generated/locales/*.ts, written by `lit-localize build` from
 * xliff/*.xlf), loaded on demand by a dynamic import: English costs nothing, the others load only when used.
 */
import { _installMsgImplementation } from '@lit/localize/init/install.js';
import { runtimeMsg } from '@lit/localize/internal/runtime-msg.js';
import { LOCALE_STATUS_EVENT, type LocaleModule, type MsgFn, type TemplateMap } from '@lit/localize';
import { SOURCE_LOCALE, type Locale } from './locale.js';

export { LOCALE_STATUS_EVENT };

const LOADERS: Readonly<Record<Exclude<Locale, 'en'>, () => Promise<LocaleModule>>> = {
  es: () => import('../generated/locales/es.js'),
  fr: () => import('../generated/locales/fr.js'),
  de: () => import('../generated/locales/de.js'),
  'pt-BR': () => import('../generated/locales/pt-BR.js'),
  ja: () => import('../generated/locales/ja.js'),
};

let active: Locale = SOURCE_LOCALE;
let templates: TemplateMap | undefined;
let request = 0;
let installed = false;
/** The language being loaded, and the promise of it (asked again meanwhile: the same promise). */
let pending: { locale: Locale; promise: Promise<void> } | undefined;

function install(): void {
  if (installed) return;
  installed = true;
  try {
    _installMsgImplementation(((t: Parameters<MsgFn>[0], o?: Parameters<MsgFn>[1]) => runtimeMsg(templates, t, o)) as MsgFn);
  } catch {
    // The host page configured @lit/localize itself: its choice of language stands.
  }
}

function announce(locale: Locale): void {
  const w = (globalThis as { window?: EventTarget }).window;
  if (w && typeof CustomEvent === 'function') w.dispatchEvent(new CustomEvent(LOCALE_STATUS_EVENT, { detail: { status: 'ready', readyLocale: locale } }));
}

/**
 * Runs `fn` with msg() answering in the source language (English), whatever the active language: for data that
 * stays English in every language (a CLI's CSV and JSON output). `fn` must be synchronous.
 */
export function inSourceLocale<T>(fn: () => T): T {
  const kept = templates;
  templates = undefined;
  try {
    return fn();
  } finally {
    templates = kept;
  }
}

/** The language texts are shown in now. */
export function getLocale(): Locale {
  return active;
}

/**
 * Show texts in `locale` from now on (its module loads on first use). Resolves once the texts are in place; when
 * another language was asked for meanwhile, the later request wins. A language that fails to load leaves the
 * current one in place and rejects with an Error saying so.
 */
export function setLocale(locale: Locale): Promise<void> {
  install();
  if (pending?.locale === locale) return pending.promise;
  if (!pending && locale === active) return Promise.resolve();
  const mine = ++request;
  const promise = (async () => {
    let next: TemplateMap | undefined;
    if (locale !== SOURCE_LOCALE) {
      try {
        next = (await LOADERS[locale]()).templates;
      } catch (e) {
        if (mine === request) pending = undefined;
        throw new Error(`The texts in "${locale}" could not be loaded (${e instanceof Error ? e.message : String(e)}); they stay in the current language. Reload the page to try again.`, { cause: e });
      }
    }
    if (mine !== request) return; // a later request won
    pending = undefined;
    templates = next;
    if (active === locale) return;
    active = locale;
    announce(locale);
  })();
  pending = { locale, promise };
  return promise;
}
