/**
 * The active language for every text shown through `msg()` (@lit/localize, runtime mode), in the browser and in
 * Node (the CLI): DOM-free. @lit/localize's own `configureLocalization` announces a change on `window`, which Node
 * has not, so this module installs the same lookup (`runtimeMsg` over the loaded templates) and announces on
 * `window` only where there is one (elements using `updateWhenLocaleChanges` re-render then).
 *
 * Each translated language is split into parts (src/generated/parts/<locale>.<part>.ts, written by
 * `npm run i18n:build`: lit-localize build, then scripts/i18n-split.mjs), each a module loaded on demand by a
 * dynamic import: English costs nothing; in another language the widget loads the "agent" part (every text the
 * widget can show). A module that shows more (the compare, CCP log and fleet views, the viewer page, the CLI's
 * entries) says so on import, `needTexts(supervisorTexts)` with the part's loaders (src/generated/parts/<part>.ts),
 * so only pages with that module load that part, and only their bundles hold its loaders.
 */
import { _installMsgImplementation } from '@lit/localize/init/install.js';
import { runtimeMsg } from '@lit/localize/internal/runtime-msg.js';
import { LOCALE_STATUS_EVENT, type LocaleModule, type MsgFn, type TemplateMap } from '@lit/localize';
import { texts as agentTexts } from '../generated/parts/agent.js';
import { SOURCE_LOCALE, type Locale } from './locale.js';

export { LOCALE_STATUS_EVENT };

/** A part of every language's texts (src/generated/parts/<part>.ts): its name and each language's module. */
export interface TextPart {
  readonly name: string;
  readonly load: Readonly<Record<Exclude<Locale, 'en'>, () => Promise<LocaleModule>>>;
}

let active: Locale = SOURCE_LOCALE;
let templates: TemplateMap | undefined;
let request = 0;
let installed = false;
/** The language being loaded, and the promise of it (asked again meanwhile: the same promise). */
let pending: { locale: Locale; promise: Promise<void> } | undefined;
/** The parts this page shows: the widget's always, the others once a module asked for them (a new list each time). */
let needed: readonly TextPart[] = [agentTexts];
/** The parts whose texts are in `templates` (`needed` when none is missing). */
let shown: readonly TextPart[] = needed;

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
 * The texts of every needed part of `locale` in one map (a message in several parts has the same text in each),
 * with those parts; a part asked for meanwhile is loaded too. Undefined when `stale()` says, once loaded, that
 * they are no longer wanted. (A module imported again comes from the module map, not the network; one that
 * failed is tried again.)
 */
async function textsOf(locale: Exclude<Locale, 'en'>, stale: () => boolean): Promise<[TemplateMap, readonly TextPart[]] | undefined> {
  for (;;) {
    const parts = needed;
    const maps = await Promise.all(parts.map(async (p) => (await p.load[locale]()).templates));
    if (stale()) return undefined;
    if (parts === needed) return [Object.assign({}, ...maps) as TemplateMap, parts];
  }
}

/**
 * Loads the needed parts of `locale`, then shows them and announces the language (elements re-render): the
 * language being loaded, until a later request. A failure leaves the texts as they are and rejects saying so.
 */
function load(locale: Locale): Promise<void> {
  const mine = ++request;
  let done = false;
  const promise = (async () => {
    let got: [TemplateMap | undefined, readonly TextPart[]] | undefined = [undefined, needed];
    if (locale !== SOURCE_LOCALE) {
      try {
        got = await textsOf(locale, () => mine !== request);
      } catch (e) {
        if (mine === request) pending = undefined;
        throw new Error(`The texts in "${locale}" could not be loaded (${e instanceof Error ? e.message : String(e)}); ${locale === active ? 'those of this view stay in English' : 'they stay in the current language'}. Reload the page to try again.`, { cause: e });
      }
    }
    if (!got) return; // a later request won
    pending = undefined;
    done = true;
    [templates, shown] = got;
    active = locale;
    announce(locale);
  })();
  if (!done) pending = { locale, promise }; // (English is in place at once)
  return promise;
}

/**
 * Show texts in `locale` from now on (the parts this page needs load on first use). Resolves once the texts are
 * in place; when another language was asked for meanwhile, the later request wins. A language that fails to load
 * leaves the current one in place and rejects with an Error saying so.
 */
export function setLocale(locale: Locale): Promise<void> {
  install();
  if (pending?.locale === locale) return pending.promise;
  return !pending && locale === active ? Promise.resolve() : load(locale);
}

/**
 * This module shows texts of `part` (src/generated/parts/<part>.ts) besides the widget's: call once on import
 * (`void needTexts(supervisorTexts)`). In English nothing loads; in another language the part loads now (or with
 * the language being loaded), then the language is announced again so elements re-render. Resolves then; a part
 * that fails to load leaves the texts as they are (its own in English) and rejects with an Error saying so.
 */
export function needTexts(part: TextPart): Promise<void> {
  if (!needed.includes(part)) needed = [...needed, part];
  const promise = pending ? pending.promise : active === SOURCE_LOCALE || shown === needed ? Promise.resolve() : load(active);
  promise.catch(() => undefined); // a module's call on import need not handle the failure; its caller may
  return promise;
}
