import type { Submission, SubmissionResult } from "@conform-to/dom";
import { useMemo, useState, type FormEvent } from "react";

/** The first message for each field that has one; Conform keeps form-level errors under "". */
function firstMessages(error: Record<string, string[] | null> | null | undefined): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const [name, list] of Object.entries(error ?? {})) if (list?.[0]) messages[name] = list[0];
  return messages;
}

/**
 * Checks a form in the browser with the very function its action checks it with (Conform's
 * `parse` around the form's zod schema): when the person tries to continue, and again as
 * they correct a field once an attempt has failed. A form that passes is sent as it would
 * be without JavaScript, and the server checks again and decides; its answer replaces
 * whatever the browser found. Conform's `useForm` does this and much more (nested and list
 * fields, intents, constraint attributes), and cost a question page 6 KiB it could not
 * afford within the 130 KiB budget (docs/decisions/012-page-weight.md).
 *
 * `attempt` changes with each attempt to continue and each answer from the server, and
 * not as a field is corrected: the error summary takes focus when it changes.
 */
export function useFormChecks(
  lastResult: SubmissionResult<string[]> | undefined,
  check: (formData: FormData) => Submission<unknown, string[]>,
) {
  const [checked, setChecked] = useState({ lastResult, errors: firstMessages(lastResult?.error), attempts: 0, failed: false });
  // A new answer from the server replaces what the browser found (React's pattern for state derived from a prop).
  if (checked.lastResult !== lastResult) {
    setChecked({ lastResult, errors: firstMessages(lastResult?.error), attempts: checked.attempts, failed: false });
  }
  const { errors, attempts, failed } = checked;
  const attempt = useMemo(() => ({ lastResult, attempts }), [lastResult, attempts]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const submission = check(new FormData(event.currentTarget, submitter));
    if (submission.status === "success") return;
    event.preventDefault();
    setChecked((current) => ({ ...current, errors: firstMessages(submission.error), attempts: current.attempts + 1, failed: true }));
  };
  const onInput = (event: FormEvent<HTMLFormElement>) => {
    if (!failed) return;
    const submission = check(new FormData(event.currentTarget));
    setChecked((current) => ({ ...current, errors: submission.status === "success" ? {} : firstMessages(submission.error) }));
  };
  return { errors, attempt, formProps: { noValidate: true, onSubmit, onInput } };
}
