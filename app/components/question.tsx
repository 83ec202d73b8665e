import { useScreeningText } from "#app/screening/text.ts";
import type { SubmissionResult } from "@conform-to/dom";
import type { ReactNode } from "react";
import { Form } from "react-router";
import type { AnswersSoFar, ScreeningErrorKey, StepId } from "#pathways/screening/questionnaire.ts";
import { stepFields, type FieldPresentation } from "#app/screening/fields.ts";
import type { QuestionText } from "#app/screening/question-text.server.ts";
import { formErrorName, parseStepForm, submissionMessages } from "#app/screening/submission.ts";
import { useFormChecks } from "./use-form-checks.ts";
import { Button, Checkboxes, ErrorSummary, Radios, Select, TextInput } from "./form.tsx";
import { PageTitle } from "./layout.tsx";
import { TimeoutWarning } from "./timeout-warning.tsx";
import { citizenPaths } from "#app/page-paths.ts";

type Submitted = SubmissionResult<string[]>["initialValue"];

/** The answer to show in a field: what was just submitted, else what was saved. */
function shownValue(field: FieldPresentation, answers: AnswersSoFar, submitted: Submitted): string | string[] | undefined {
  if (submitted) {
    const value = submitted[field.name];
    return typeof value === "string" || (Array.isArray(value) && value.every((item) => typeof item === "string")) ? value : undefined;
  }
  const saved = (answers as Record<string, unknown>)[field.name];
  if (saved === undefined) return undefined;
  if (Array.isArray(saved)) return saved.length === 0 ? ["none"] : (saved as string[]);
  return String(saved);
}

/**
 * One question page: the question is the page heading (the legend or label of a
 * single-field question, a follow-up revealed by one of its options not counting),
 * errors are summarised at the top and shown by each field.
 * With JavaScript, the answer is checked with the step's schema before it is sent and
 * again as the person corrects it; the server checks again and decides. The
 * step's words, its error messages included, come from the server (`text`).
 */
export function QuestionForm({
  step,
  answers,
  lastResult,
  text,
}: {
  step: StepId;
  answers: AnswersSoFar;
  lastResult: SubmissionResult<string[]> | undefined;
  text: QuestionText;
}) {
  const t = useScreeningText();
  const { errors, attempt, formProps } = useFormChecks(lastResult, submissionMessages(lastResult?.error), (formData) => {
    const submission = parseStepForm(step, formData, answers);
    return submission.status === "success" ? {} : submissionMessages(submission.error);
  });
  const submitted = lastResult?.initialValue;
  const fields = stepFields[step];
  // The step's question is its one field, unless it has several; a field revealed by an option is a follow-up inside it.
  const asked = fields.filter((field) => !field.revealedBy);
  const single = asked.length === 1;
  const fieldId = (name: string) => `field-${name}`;
  const message = (key: string | undefined) => (key ? text.errors[key as ScreeningErrorKey] : undefined);
  const summary = Object.entries(errors).map(([name, key]) => ({
    fieldId: name === formErrorName ? fieldId(fields[0]!.name) : fieldId(name),
    message: message(key)!,
  }));
  const { title, hint } = text;

  const renderField = (field: FieldPresentation): ReactNode => {
    const value = shownValue(field, answers, submitted);
    const error = message(errors[field.name] ?? (field === fields[0] ? errors[formErrorName] : undefined));
    const fieldText = text.fields[field.name]!;
    const isQuestion = single && !field.revealedBy;
    const legend = isQuestion ? title : fieldText.label;
    const commonHint = isQuestion ? hint : undefined;
    if (field.kind === "number") {
      return (
        <TextInput
          key={field.name}
          id={fieldId(field.name)}
          name={field.name}
          label={legend}
          labelIsPageHeading={isQuestion}
          hint={commonHint}
          error={error}
          inputMode="numeric"
          spellCheck={false}
          className="input--width-4"
          defaultValue={typeof value === "string" ? value : ""}
        />
      );
    }
    if (field.kind === "select") {
      return (
        <Select key={field.name} id={fieldId(field.name)} name={field.name} label={legend} error={error} defaultValue={typeof value === "string" ? value : ""}>
          <option value="">{t("selectOne")}</option>
          {field.options!.map((option) => (
            <option key={option} value={option}>
              {fieldText.options[option]}
            </option>
          ))}
        </Select>
      );
    }
    const items = field.options!.map((option) => {
      const followUps = fields.filter((other) => other.revealedBy?.field === field.name && other.revealedBy.option === option);
      return { value: option, label: fieldText.options[option]!, hint: fieldText.optionHints[option], conditional: followUps.length > 0 ? followUps.map(renderField) : undefined };
    });
    if (field.kind === "checkboxes") {
      return (
        <Checkboxes
          key={field.name}
          id={fieldId(field.name)}
          name={field.name}
          legend={legend}
          legendIsPageHeading={isQuestion}
          hint={commonHint ?? t("selectAll")}
          error={error}
          items={[...items, { value: "none", label: t("none"), divider: t("or") }]}
          values={Array.isArray(value) ? value : value ? [value] : undefined}
        />
      );
    }
    return (
      <Radios
        key={field.name}
        id={fieldId(field.name)}
        name={field.name}
        legend={legend}
        legendIsPageHeading={isQuestion}
        hint={commonHint}
        error={error}
        items={items}
        value={typeof value === "string" ? value : undefined}
      />
    );
  };

  return (
    <>
      <PageTitle title={title} hasErrors={summary.length > 0} />
      <ErrorSummary errors={summary} submission={attempt} />
      <Form method="post" {...formProps}>
        {single ? null : <h1 className="heading-l">{title}</h1>}
        {asked.map(renderField)}
        <Button>{t("continue")}</Button>
      </Form>
      <Form method="post" action={citizenPaths.saved}>
        <Button variant="secondary">{t("saveForLater")}</Button>
      </Form>
      <TimeoutWarning />
    </>
  );
}
