import type { i18n as I18n, TFunction } from "i18next";
import { useContext, useMemo } from "react";
import { I18nContext, useTranslation } from "react-i18next";
import type { Namespace } from "./namespaces.ts";

/**
 * Strings once resolved, per i18next instance, language and namespace. i18next takes every
 * call through its full option handling (copying its whole options object on the way),
 * and the service package page asks for the same few hundred strings on every request:
 * about a fifth of that page's server time. Only strings that were found are kept, so a
 * namespace a browser has not loaded yet is asked again. Strings with options are kept
 * when every option is a plain string or number (prices, opening hours, counts: few
 * distinct values in a catalogue), up to a bound, so odd values cannot grow the cache.
 */
const resolvedStrings = new WeakMap<I18n, Map<string, Map<string, string>>>();

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

export function namespaceText<Name extends Namespace>(i18n: I18n, language: string, namespace: Name): TFunction<Name> {
  let byNamespace = resolvedStrings.get(i18n);
  if (!byNamespace) {
    byNamespace = new Map();
    resolvedStrings.set(i18n, byNamespace);
  }
  const scope = `${language}:${namespace}`;
  let resolved = byNamespace.get(scope);
  if (!resolved) {
    resolved = new Map();
    byNamespace.set(scope, resolved);
  }
  const cache = resolved;
  // i18n.t rather than getFixedT: a fixed t copies i18next's options object on every call.
  const translate = i18n.t.bind(i18n) as (key: string, options: object) => string;
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
  return text as unknown as TFunction<Name>;
}

/**
 * `t` for one namespace, for the shared components every page draws (layout, form
 * fields, service cards). react-i18next's useTranslation copies the whole i18next
 * instance for every component it renders on the server, which cost the service package
 * page about a tenth of its time; this reads the instance the provider already holds.
 * Route components use usePageText instead.
 */
export function useNamespaceText<Name extends Namespace>(namespace: Name): TFunction<Name> {
  const { i18n } = useContext(I18nContext);
  const { language } = i18n;
  return useMemo(() => namespaceText(i18n, language, namespace), [i18n, language, namespace]);
}

/**
 * `t` for a route component: subscribed through react-i18next's useTranslation, so the
 * page re-renders when the browser switches language. The i18n that hook returns is a
 * fresh copy on every server render, so strings are remembered against the provider's.
 */
export function usePageText<Name extends Namespace>(namespace: Name): TFunction<Name> {
  useTranslation(namespace);
  return useNamespaceText(namespace);
}
