import type { i18n } from "i18next";
import type { Language } from "#pathways/i18n.ts";
import type { BrowserNamespace } from "./namespaces.ts";

type LanguageStrings = Record<BrowserNamespace, object>;

/**
 * One language's strings for the browser, fetched as its own chunk: a page needs only its
 * own language, and the three together were a fifth of the JavaScript a page loaded.
 */
const loaders: Record<Language, () => Promise<LanguageStrings>> = {
  en: async () => {
    const [common, catalogue, screening] = await Promise.all([
      import("#locales/en/common.json"),
      import("#locales/en/catalogue.json"),
      import("#locales/en/screening.json"),
    ]);
    return { common: common.default, catalogue: catalogue.default, screening: screening.default };
  },
  fi: async () => {
    const [common, catalogue, screening] = await Promise.all([
      import("#locales/fi/common.json"),
      import("#locales/fi/catalogue.json"),
      import("#locales/fi/screening.json"),
    ]);
    return { common: common.default, catalogue: catalogue.default, screening: screening.default };
  },
  sv: async () => {
    const [common, catalogue, screening] = await Promise.all([
      import("#locales/sv/common.json"),
      import("#locales/sv/catalogue.json"),
      import("#locales/sv/screening.json"),
    ]);
    return { common: common.default, catalogue: catalogue.default, screening: screening.default };
  },
};

export function loadLanguage(language: Language): Promise<LanguageStrings> {
  return loaders[language]();
}

/** Switches a browser's i18next to another language, fetching its strings first. */
export async function switchLanguage(instance: i18n, language: Language): Promise<void> {
  if (!instance.hasResourceBundle(language, "common")) {
    for (const [namespace, strings] of Object.entries(await loadLanguage(language))) {
      instance.addResourceBundle(language, namespace, strings);
    }
  }
  await instance.changeLanguage(language);
}
