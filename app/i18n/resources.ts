import type { Language } from "#pathways/i18n.ts";
import enCatalogue from "#locales/en/catalogue.json";
import enCommon from "#locales/en/common.json";
import enEmail from "#locales/en/email.json";
import enScreening from "#locales/en/screening.json";
import fiCatalogue from "#locales/fi/catalogue.json";
import fiCommon from "#locales/fi/common.json";
import fiEmail from "#locales/fi/email.json";
import fiScreening from "#locales/fi/screening.json";
import svCatalogue from "#locales/sv/catalogue.json";
import svCommon from "#locales/sv/common.json";
import svEmail from "#locales/sv/email.json";
import svScreening from "#locales/sv/screening.json";

/**
 * All UI strings, for the server (the emails' text, `email`, only here: no page needs it).
 * The English files are the reference; tests/unit/locales.test.ts fails when fi or sv
 * lacks a key that en has (or has one en lacks), or when code uses a missing key.
 */
export const resources = {
  en: { common: enCommon, catalogue: enCatalogue, screening: enScreening, email: enEmail },
  fi: { common: fiCommon, catalogue: fiCatalogue, screening: fiScreening, email: fiEmail },
  sv: { common: svCommon, catalogue: svCatalogue, screening: svScreening, email: svEmail },
} as const satisfies Record<Language, Record<string, unknown>>;
