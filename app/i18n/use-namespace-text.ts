import type { i18n, TFunction } from "i18next";
import { use, useContext } from "react";
import { I18nContext } from "react-i18next";
import { useRouteLoaderData } from "react-router";
import { defaultLanguage, isLanguage, type Language } from "#pathways/i18n.ts";
import { loadNamespace } from "./client-resources.ts";
import { namespaceText } from "./namespace-text.ts";
import type { BrowserNamespace } from "./namespaces.ts";

/** The i18next instance the provider holds: one per language on the server, the browser's own in the browser. */
export function useI18nextInstance(): i18n {
  return useContext(I18nContext).i18n;
}

/**
 * The language the page is drawn in: the one the root loader detected (ADR 006); outside
 * the app's routes (component tests), the instance's.
 */
export function usePageLanguage(): Language {
  const rootData = useRouteLoaderData<{ language: string }>("root");
  const instance = useI18nextInstance();
  const language = rootData?.language ?? instance.language;
  return isLanguage(language) ? language : defaultLanguage;
}

/**
 * Waits until the instance holds these namespaces in this language. The server holds them
 * all; a browser loads a page's namespaces before hydrating (entry.client.tsx), so this
 * waits only when a page reached without a reload draws a namespace, or a language, the
 * first did not need.
 */
export function useLoadedNamespaces(instance: i18n, language: Language, namespaces: readonly BrowserNamespace[]): void {
  const missing = namespaces.filter((namespace) => !instance.hasResourceBundle(language, namespace));
  if (missing.length > 0) use(allLoaded(instance, language, missing));
}

const waits = new Map<string, Promise<unknown>>();

/**
 * One promise for every namespace missing, the same each time it is asked for. A `use`
 * for each namespace in turn made React replay the page after the first arrived and meet
 * the second `use` where the first had been: it mixed up the page's hooks (React error
 * 467, when the saved-answers page, which draws two namespaces a question page does not,
 * was reached without a reload and the strings came from the browser's cache).
 */
function allLoaded(instance: i18n, language: Language, namespaces: readonly BrowserNamespace[]): Promise<unknown> {
  const key = `${language}/${namespaces.join(",")}`;
  let wait = waits.get(key);
  if (!wait) {
    wait = Promise.all(namespaces.map((namespace) => loadNamespace(instance, language, namespace)));
    waits.set(key, wait);
  }
  return wait;
}

/**
 * `t` for one namespace in the page's language, for every component. react-i18next's
 * useTranslation copies the whole i18next instance for every component it renders on the
 * server, which cost the service package page about a tenth of its time, and its module
 * (with its language subscription) cost every page 2 KiB of JavaScript; this reads the
 * instance the provider already holds, and the page's language from the root loader, so a
 * page whose data comes back in another language is drawn in it.
 */
export function useNamespaceText<Name extends BrowserNamespace>(namespace: Name): TFunction<Name> {
  const instance = useI18nextInstance();
  const language = usePageLanguage();
  // A shared component may draw a namespace its page's routes do not name: the error page for an unknown flow.
  useLoadedNamespaces(instance, language, [namespace]);
  return namespaceText(instance, language, namespace);
}
