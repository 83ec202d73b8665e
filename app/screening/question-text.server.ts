import type { i18n } from "i18next";
import { namespaceText } from "#app/i18n/namespace-text.ts";
import { isMunicipalityCode, municipalities } from "#pathways/areas.ts";
import type { Language } from "#pathways/i18n.ts";
import { invalidFormErrorKey, steps, unknownFieldErrorKey, type ScreeningErrorKey, type StepId } from "#pathways/screening/questionnaire.ts";
import { stepFields, type FieldPresentation } from "./fields.ts";

/**
 * A question page's words in the page's language, written on the server: the browser gets
 * one step's texts instead of every step's (locales/<lng>/questionnaire.json never leaves
 * the server).
 */
export interface QuestionText {
  title: string;
  hint: string;
  /** By field name: its label, and each option's label and (where it has one) hint. */
  fields: Record<string, { label: string; options: Record<string, string>; optionHints: Partial<Record<string, string>> }>;
  /** Every message the step's checks can give, by key, for the browser's checks as well as the server's. */
  errors: Partial<Record<ScreeningErrorKey, string>>;
}

type QuestionnaireText = (key: string, options?: { defaultValue: string }) => string;

export function questionnaireText(language: Language, instance: i18n): QuestionnaireText {
  return namespaceText(instance, language, "questionnaire") as unknown as QuestionnaireText;
}

/** An option in words: municipality names come with the areas (pathways/areas.ts), the rest from the questionnaire texts. */
export function optionLabel(t: QuestionnaireText, language: Language, step: StepId, field: FieldPresentation, option: string): string {
  return field.name === "municipality" && isMunicipalityCode(option)
    ? municipalities[option].name[language]
    : t(`steps.${step}.fields.${field.name}.options.${option}`);
}

export function questionText(step: StepId, language: Language, instance: i18n): QuestionText {
  const t = questionnaireText(language, instance);
  const fields = stepFields[step].map((field) => {
    const options = field.options ?? [];
    const hints = options.flatMap((option) => {
      const hint = t(`steps.${step}.fields.${field.name}.optionHints.${option}`, { defaultValue: "" });
      return hint ? [[option, hint]] : [];
    });
    const text = {
      label: t(`steps.${step}.fields.${field.name}.label`),
      options: Object.fromEntries(options.map((option) => [option, optionLabel(t, language, step, field, option)])),
      optionHints: Object.fromEntries(hints),
    };
    return [field.name, text] as const;
  });
  const errorKeys = [unknownFieldErrorKey, invalidFormErrorKey, ...steps[step].errorKeys];
  return {
    title: t(`steps.${step}.title`),
    hint: t(`steps.${step}.hint`),
    fields: Object.fromEntries(fields),
    errors: Object.fromEntries(errorKeys.map((key) => [key, t(key.replace(/^questionnaire\./, ""))])),
  };
}
