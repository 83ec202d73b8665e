import type { i18n as I18n, TFunction } from "i18next";
import { useContext, useMemo } from "react";
import { I18nContext, useTranslation } from "react-i18next";
import type { Namespace } from "./namespaces.ts";

/**
 * Strings asked for without options, once resolved, per i18next instance, language and
 * namespace. i18next takes every call through its full option handling (copying its whole
 * options object on the way), and the service package page asks for the same few hundred
 * plain strings on every request: about a sixth of that page's server time. Only strings
 * that were found are kept, so a namespace a browser has not loaded yet is asked again.
 */
const resolvedPlainStrings = new WeakMap<I18n, Map<string, Map<string, string>>>();

export function namespaceText<Name extends Namespace>(i18n: I18n, language: string, namespace: Name): TFunction<Name> {
  let byNamespace = resolvedPlainStrings.get(i18n);
  if (!byNamespace) {
    byNamespace = new Map();
    resolvedPlainStrings.set(i18n, byNamespace);
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
  const text = (key: string, options?: object) => {
    if (options !== undefined) return translate(key, { ...options, lng: language, ns: namespace });
    let value = cache.get(key);
    if (value === undefined) {
      value = translate(key, { lng: language, ns: namespace });
      if (value !== key) cache.set(key, value);
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
 * `t` for a route component: react-i18next's useTranslation, so the page re-renders when
 * the browser switches language, with plain strings resolved once as above.
 */
export function usePageText<Name extends Namespace>(namespace: Name): TFunction<Name> {
  const { i18n } = useTranslation(namespace);
  const { language } = i18n;
  return useMemo(() => namespaceText(i18n, language, namespace), [i18n, language, namespace]);
}
