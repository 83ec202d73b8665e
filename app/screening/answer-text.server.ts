import type { i18n } from "i18next";
import type { Language } from "#pathways/i18n.ts";
import { askedSteps, type AnswersSoFar, type StepId } from "#pathways/screening/questionnaire.ts";
import { formatList } from "#app/format.ts";
import { stepFields } from "./fields.ts";
import { optionLabel, questionnaireText } from "./question-text.server.ts";
import { namespaceText } from "#app/i18n/namespace-text.ts";

/**
 * Each asked question and its saved answer in words, for check answers. Written on the
 * server, so the browser gets text instead of the questionnaire and its option lists.
 */
export function answerSummary(answers: AnswersSoFar, language: Language, instance: i18n): { step: StepId; question: string; answer: string }[] {
  const t = namespaceText(instance, language, "checkAnswers") as unknown as (key: string) => string;
  const screeningText = namespaceText(instance, language, "screening") as unknown as (key: string) => string;
  const questions = questionnaireText(language, instance);
  return askedSteps(answers).map((step) => {
    const parts = stepFields[step].flatMap((field) => {
      const value = (answers as Record<string, unknown>)[field.name];
      if (value === undefined) return [];
      const label = (option: string) => optionLabel(questions, language, step, field, option);
      if (Array.isArray(value)) return [value.length === 0 ? screeningText("none") : formatList(value.map(label), language)];
      if (field.kind === "number") return [String(value)];
      return [label(String(value))];
    });
    return { step, question: questions(`steps.${step}.title`), answer: parts.join(" – ") || t("checkAnswers.notAnswered") };
  });
}
