import type { Language } from "#pathways/i18n.ts";
import enCatalogue from "#locales/en/catalogue.json";
import enCommon from "#locales/en/common.json";
import enQuestionnaire from "#locales/en/questionnaire.json";
import enScreening from "#locales/en/screening.json";
import fiCatalogue from "#locales/fi/catalogue.json";
import fiCommon from "#locales/fi/common.json";
import fiQuestionnaire from "#locales/fi/questionnaire.json";
import fiScreening from "#locales/fi/screening.json";
import svCatalogue from "#locales/sv/catalogue.json";
import svCommon from "#locales/sv/common.json";
import svQuestionnaire from "#locales/sv/questionnaire.json";
import svScreening from "#locales/sv/screening.json";

/**
 * All UI strings, for the server. The English files are the reference; tests/unit/locales.test.ts fails when fi or
 * sv lacks a key that en has (or has one en lacks), or when code uses a missing key.
 */
export const resources = {
  en: { common: enCommon, catalogue: enCatalogue, screening: enScreening, questionnaire: enQuestionnaire },
  fi: { common: fiCommon, catalogue: fiCatalogue, screening: fiScreening, questionnaire: fiQuestionnaire },
  sv: { common: svCommon, catalogue: svCatalogue, screening: svScreening, questionnaire: svQuestionnaire },
} as const satisfies Record<Language, Record<string, unknown>>;
