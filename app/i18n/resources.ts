import type { Language } from "#pathways/i18n.ts";
import enCatalogue from "#locales/en/catalogue.json";
import enCommon from "#locales/en/common.json";
import enEmail from "#locales/en/email.json";
import enExitPage from "#locales/en/exitPage.json";
import enForWhom from "#locales/en/forWhom.json";
import enRefused from "#locales/en/refused.json";
import enConsent from "#locales/en/consent.json";
import enFollowUp from "#locales/en/followUp.json";
import enEmailLink from "#locales/en/emailLink.json";
import enUrgentHelp from "#locales/en/urgentHelp.json";
import enCheckAnswers from "#locales/en/checkAnswers.json";
import enPrivacy from "#locales/en/privacy.json";
import enHelp from "#locales/en/help.json";
import enQuestionnaire from "#locales/en/questionnaire.json";
import enScreening from "#locales/en/screening.json";
import enStart from "#locales/en/start.json";
import fiCatalogue from "#locales/fi/catalogue.json";
import fiCommon from "#locales/fi/common.json";
import fiEmail from "#locales/fi/email.json";
import fiExitPage from "#locales/fi/exitPage.json";
import fiForWhom from "#locales/fi/forWhom.json";
import fiRefused from "#locales/fi/refused.json";
import fiConsent from "#locales/fi/consent.json";
import fiFollowUp from "#locales/fi/followUp.json";
import fiEmailLink from "#locales/fi/emailLink.json";
import fiUrgentHelp from "#locales/fi/urgentHelp.json";
import fiCheckAnswers from "#locales/fi/checkAnswers.json";
import fiPrivacy from "#locales/fi/privacy.json";
import fiHelp from "#locales/fi/help.json";
import fiQuestionnaire from "#locales/fi/questionnaire.json";
import fiScreening from "#locales/fi/screening.json";
import fiStart from "#locales/fi/start.json";
import svCatalogue from "#locales/sv/catalogue.json";
import svCommon from "#locales/sv/common.json";
import svEmail from "#locales/sv/email.json";
import svExitPage from "#locales/sv/exitPage.json";
import svForWhom from "#locales/sv/forWhom.json";
import svRefused from "#locales/sv/refused.json";
import svConsent from "#locales/sv/consent.json";
import svFollowUp from "#locales/sv/followUp.json";
import svEmailLink from "#locales/sv/emailLink.json";
import svUrgentHelp from "#locales/sv/urgentHelp.json";
import svCheckAnswers from "#locales/sv/checkAnswers.json";
import svPrivacy from "#locales/sv/privacy.json";
import svHelp from "#locales/sv/help.json";
import svQuestionnaire from "#locales/sv/questionnaire.json";
import svScreening from "#locales/sv/screening.json";
import svStart from "#locales/sv/start.json";

/**
 * All UI strings, for the server (those no page's JavaScript needs only here: see
 * BrowserNamespace).
 * The English files are the reference; tests/unit/locales.test.ts fails when fi or sv
 * lacks a key that en has (or has one en lacks), or when code uses a missing key.
 */
export const resources = {
  en: {
    common: enCommon,
    catalogue: enCatalogue,
    screening: enScreening,
    start: enStart,
    privacy: enPrivacy,
    help: enHelp,
    consent: enConsent,
    followUp: enFollowUp,
    emailLink: enEmailLink,
    urgentHelp: enUrgentHelp,
    checkAnswers: enCheckAnswers,
    questionnaire: enQuestionnaire,
    email: enEmail,
    exitPage: enExitPage,
    forWhom: enForWhom,
    refused: enRefused,
  },
  fi: {
    common: fiCommon,
    catalogue: fiCatalogue,
    screening: fiScreening,
    start: fiStart,
    privacy: fiPrivacy,
    help: fiHelp,
    consent: fiConsent,
    followUp: fiFollowUp,
    emailLink: fiEmailLink,
    urgentHelp: fiUrgentHelp,
    checkAnswers: fiCheckAnswers,
    questionnaire: fiQuestionnaire,
    email: fiEmail,
    exitPage: fiExitPage,
    forWhom: fiForWhom,
    refused: fiRefused,
  },
  sv: {
    common: svCommon,
    catalogue: svCatalogue,
    screening: svScreening,
    start: svStart,
    privacy: svPrivacy,
    help: svHelp,
    consent: svConsent,
    followUp: svFollowUp,
    emailLink: svEmailLink,
    urgentHelp: svUrgentHelp,
    checkAnswers: svCheckAnswers,
    questionnaire: svQuestionnaire,
    email: svEmail,
    exitPage: svExitPage,
    forWhom: svForWhom,
    refused: svRefused,
  },
} as const satisfies Record<Language, Record<string, unknown>>;
