import type { i18n, TFunction } from "i18next";
import { use, useContext } from "react";
import { I18nContext } from "react-i18next";
import { useRouteLoaderData } from "react-router";
import { defaultLanguage, isLanguage, type Language } from "#pathways/i18n.ts";
import { loadNamespace } from "./client-resources.ts";
import type { BrowserNamespace, Namespace } from "./namespaces.ts";

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
  for (const namespace of namespaces) {
    if (!instance.hasResourceBundle(language, namespace)) use(loadNamespace(instance, language, namespace));
  }
}

/**
 * Strings once resolved, per i18next instance, language and namespace. i18next takes every
 * call through its full option handling (copying its whole options object on the way),
 * and the service package page asks for the same few hundred strings on every request:
 * about a fifth of that page's server time. Only strings that were found are kept, so a
 * namespace a browser has not loaded yet is asked again. Strings with options are kept
 * when every option is a plain string or number (prices, opening hours, counts: few
 * distinct values in a catalogue), up to a bound, so odd values cannot grow the cache.
 */
const rememberedStringsPerNamespace = 5000;

/** The cache key of a call with options, or null when the call is not remembered. */
function rememberedWith(key: string, options: Record<string, unknown>): string | null {
  let cacheKey = key;
  for (const name in options) {
    const value = options[name];
    // A default stands in for a string that may not be loaded yet.
    if (name === "defaultValue" || (typeof value !== "string" && typeof value !== "number")) return null;
    cacheKey += `\u0000${name}\u0000${value}`;
  }
  return cacheKey;
}

/** One text function per instance, language and namespace, shared by every component that asks. */
const textFunctions = new WeakMap<i18n, Map<string, TFunction<Namespace>>>();

export function namespaceText<Name extends Namespace>(instance: i18n, language: string, namespace: Name): TFunction<Name> {
  let byScope = textFunctions.get(instance);
  if (!byScope) {
    byScope = new Map();
    textFunctions.set(instance, byScope);
  }
  const scope = `${language}:${namespace}`;
  let text = byScope.get(scope);
  if (!text) {
    text = rememberingText(instance, language, namespace);
    byScope.set(scope, text);
  }
  return text as TFunction<Name>;
}

function rememberingText(instance: i18n, language: string, namespace: Namespace): TFunction<Namespace> {
  const cache = new Map<string, string>();
  // instance.t rather than getFixedT: a fixed t copies i18next's options object on every call.
  const translate = instance.t.bind(instance) as (key: string, options: object) => string;
  const text = (key: string, options?: Record<string, unknown>) => {
    const cacheKey = options === undefined ? key : rememberedWith(key, options);
    if (cacheKey === null) return translate(key, { ...options, lng: language, ns: namespace });
    let value = cache.get(cacheKey);
    if (value === undefined) {
      value = translate(key, { ...options, lng: language, ns: namespace });
      if (value !== key) {
        if (cache.size >= rememberedStringsPerNamespace) cache.clear();
        cache.set(cacheKey, value);
      }
    }
    return value;
  };
  return text as unknown as TFunction<Namespace>;
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
