import type { i18n, TFunction } from "i18next";
import { use, useContext, useMemo } from "react";
import { I18nContext } from "react-i18next";
import { defaultLanguage, isLanguage } from "#pathways/i18n.ts";
import { loadNamespace } from "./client-resources.ts";
import type { BrowserNamespace } from "./namespaces.ts";

/**
 * Waits until the instance holds these namespaces in its language. The server holds them
 * all; a browser loads a page's namespaces before hydrating (entry.client.tsx), so this
 * waits only when a page reached without a reload draws one the first did not need.
 */
export function useLoadedNamespaces(instance: i18n, namespaces: readonly BrowserNamespace[]): void {
  const language = isLanguage(instance.language) ? instance.language : defaultLanguage;
  for (const namespace of namespaces) {
    if (!instance.hasResourceBundle(language, namespace)) use(loadNamespace(instance, language, namespace));
  }
}

/**
 * `t` for one namespace, for the shared components every page draws (layout, form
 * fields, service cards). react-i18next's useTranslation copies the whole i18next
 * instance for every component it renders on the server, which cost the service package
 * page about a tenth of its time; this reads the instance the provider already holds.
 * Route components, drawn once a page, keep useTranslation, which also re-renders them
 * when the browser switches language.
 */
export function useNamespaceText<Name extends BrowserNamespace>(namespace: Name): TFunction<Name> {
  const { i18n } = useContext(I18nContext);
  // A shared component may draw a namespace its page's routes do not name: the error page for an unknown flow.
  useLoadedNamespaces(i18n, [namespace]);
  const { language } = i18n;
  return useMemo(() => i18n.getFixedT(language, namespace), [i18n, language, namespace]);
}
