import type { InitOptions } from "i18next";
import { defaultLanguage, supportedLanguages } from "#pathways/i18n.ts";
import { defaultNamespace, namespaces } from "./namespaces.ts";

/**
 * i18next options shared by the server and the browser. The strings come separately: the
 * server holds every language (resources.ts), a browser loads only its page's (client-resources.ts).
 */
export const i18nextOptions = {
  supportedLngs: [...supportedLanguages],
  fallbackLng: defaultLanguage,
  ns: [...namespaces],
  defaultNS: defaultNamespace,
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  // A missing key must show up in tests, not silently render the key.
  saveMissing: false,
} satisfies InitOptions;

/** The BCP 47 locale Intl formats with for each UI language (Finnish conventions throughout). */
export const intlLocales = { fi: "fi-FI", sv: "sv-FI", en: "en-FI" } as const;
