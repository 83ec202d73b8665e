import { useScreeningText } from "#app/screening/text.ts";
import { isMunicipalityCode, municipalities } from "#pathways/areas.ts";
import type { Language } from "#pathways/i18n.ts";
import type { AnswersSoFar, StepId } from "#pathways/screening/questionnaire.ts";
import { stepFields } from "#app/screening/fields.ts";
import { formatList } from "#app/format.ts";

/** A saved answer in words, for check answers. */
export function AnswerText({ step, answers, language }: { step: StepId; answers: AnswersSoFar; language: Language }) {
  const t = useScreeningText();
  const parts = stepFields[step].flatMap((field) => {
    const value = (answers as Record<string, unknown>)[field.name];
    if (value === undefined) return [];
    const label = (option: string) =>
      field.name === "municipality" && isMunicipalityCode(option)
        ? municipalities[option].name[language]
        : t(`steps.${step}.fields.${field.name}.options.${option}`);
    if (Array.isArray(value)) return [value.length === 0 ? t("none") : formatList(value.map(label), language)];
    if (field.kind === "number") return [String(value)];
    return [label(String(value))];
  });
  return <span>{parts.join(" – ") || t("checkAnswers.notAnswered")}</span>;
}
