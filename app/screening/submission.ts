import { parse, type Submission } from "@conform-to/dom";
import {
  invalidFormErrorKey,
  validateStep,
  type AnswersSoFar,
  type StepErrors,
  type StepId,
  type StepValue,
} from "#pathways/screening/questionnaire.ts";
import { listFields, stepFields } from "./fields.ts";

/**
 * One question page's form, parsed and validated the same way in the browser (Conform's
 * onValidate, before anything is sent) and on the server (the action, which decides):
 * both run the step's zod schema from pathways/screening/questionnaire.ts. Errors are
 * message keys, translated where they are shown.
 */

export type StepSubmission = Submission<StepValue<StepId>, string[]>;

/** Conform keeps errors about the form as a whole under the empty name. */
export const formErrorName = "";

export function conformErrors(errors: StepErrors | Partial<Record<string, string>>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(errors).flatMap(([name, key]) => (key ? [[name === "form" ? formErrorName : name, [key]]] : [])),
  );
}

/**
 * A parsed form's values as the step schema takes them: checkbox fields as lists whatever
 * number of boxes is ticked; everything else as sent, so a field sent twice arrives as a
 * list and is refused by its schema.
 */
export function stepValues(step: StepId, payload: Record<string, unknown>): Record<string, unknown> {
  const lists = listFields(step);
  const values: Record<string, unknown> = Object.create(null);
  for (const [name, value] of Object.entries(payload)) {
    values[name] = lists.has(name) && typeof value === "string" ? [value] : value;
  }
  return values;
}

/** Longer than any answer a question page takes (choices are short, numbers six digits). */
const longestEchoedValue = 200;

/**
 * The reply that refills the page after an error: what the person typed into the step's
 * fields, without values no field of ours could hold and without fields the page does
 * not have, so a tampered post is not sent back.
 */
export function stepReply(step: StepId, submission: StepSubmission, fieldErrors?: Record<string, string[]>) {
  const fields = new Set(stepFields[step].map((field) => field.name));
  const hideFields = Object.entries(submission.payload)
    .filter(([name, value]) => !fields.has(name) || JSON.stringify(value).length > longestEchoedValue)
    .map(([name]) => name);
  return submission.reply({ hideFields, ...(fieldErrors ? { fieldErrors } : {}) });
}

export function parseStepForm(step: StepId, form: FormData, answersSoFar: AnswersSoFar): StepSubmission {
  const resolve = (payload: Record<string, unknown>) => {
    const validation = validateStep(step, stepValues(step, payload), answersSoFar);
    return validation.ok ? { value: validation.value } : { error: conformErrors(validation.errors) };
  };
  try {
    return parse(form, { resolve });
  } catch {
    // Conform ignores names that are not plain paths (`__proto__`, `a..b`) but throws on a
    // broken value in its own reserved fields: our page never sends one, so the form is
    // refused as a whole and nothing of it is kept.
    return parse(new FormData(), { resolve: () => ({ error: conformErrors({ form: invalidFormErrorKey }) }) });
  }
}

/** A parsed step's messages by field, as useFormChecks takes them: the first for each. */
export function submissionMessages(error: Record<string, string[] | null> | null | undefined): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const [name, list] of Object.entries(error ?? {})) if (list?.[0]) messages[name] = list[0];
  return messages;
}
