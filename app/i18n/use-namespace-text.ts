import type { TFunction } from "i18next";
import { useContext, useMemo } from "react";
import { I18nContext } from "react-i18next";
import type { Namespace } from "./namespaces.ts";

/**
 * `t` for one namespace, for the shared components every page draws (layout, form
 * fields, service cards). react-i18next's useTranslation copies the whole i18next
 * instance for every component it renders on the server, which cost the service package
 * page about a tenth of its time; this reads the instance the provider already holds.
 * Route components, drawn once a page, keep useTranslation, which also re-renders them
 * when the browser switches language.
 */
export function useNamespaceText<Name extends Namespace>(namespace: Name): TFunction<Name> {
  const { i18n } = useContext(I18nContext);
  const { language } = i18n;
  return useMemo(() => i18n.getFixedT(language, namespace), [i18n, language, namespace]);
}
