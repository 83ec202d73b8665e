import type { i18n, TFunction } from "i18next";
import type { Namespace } from "./namespaces.ts";

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

/**
 * One text function per instance, language and namespace, shared by every component and
 * server module that asks: the way to translate outside a component, too.
 */
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

/**
 * Strings once resolved, per i18next instance, language and namespace. i18next takes every
 * call through its full option handling (copying its whole options object on the way),
 * and the service package page asks for the same few hundred strings on every request:
 * about a fifth of that page's server time. Only strings that were found are kept, so a
 * namespace a browser has not loaded yet is asked again. Strings with options are kept
 * when every option is a plain string or number (prices, opening hours, counts: few
 * distinct values in a catalogue), up to a bound, so odd values cannot grow the cache.
 */
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
