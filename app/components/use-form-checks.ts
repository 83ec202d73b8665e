import { useMemo, useState, type FormEvent } from "react";

/** Message keys by field name; empty when the form is accepted. */
export type FieldMessages = Record<string, string>;

/**
 * Checks a form in the browser with the very function its action checks it with (the
 * form's zod schema over its values): when the person tries to continue, and again as
 * they correct a field once an attempt has failed. A form that passes is sent as it would
 * be without JavaScript, and the server checks again and decides; its answer (`reply`,
 * the action's data, with `replyErrors`) replaces whatever the browser found. Conform's
 * `useForm` does this and much more (nested and list fields, intents, constraint
 * attributes), and cost a question page 6 KiB it could not afford within the 130 KiB
 * budget (docs/decisions/012-page-weight.md).
 *
 * `attempt` changes with each attempt to continue and each reply from the server, and
 * not as a field is corrected: the error summary takes focus when it changes.
 */
export function useFormChecks(reply: unknown, replyErrors: FieldMessages, check: (formData: FormData) => FieldMessages) {
  const [checked, setChecked] = useState({ reply, errors: replyErrors, attempts: 0, failed: false });
  // A new reply from the server replaces what the browser found (React's pattern for state derived from a prop).
  if (checked.reply !== reply) {
    setChecked({ reply, errors: replyErrors, attempts: checked.attempts, failed: false });
  }
  const { errors, attempts, failed } = checked;
  const attempt = useMemo(() => ({ reply, attempts }), [reply, attempts]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const found = check(new FormData(event.currentTarget, submitter));
    if (Object.keys(found).length === 0) return;
    event.preventDefault();
    setChecked((current) => ({ ...current, errors: found, attempts: current.attempts + 1, failed: true }));
  };
  const onInput = (event: FormEvent<HTMLFormElement>) => {
    if (!failed) return;
    const found = check(new FormData(event.currentTarget));
    setChecked((current) => ({ ...current, errors: found }));
  };
  return { errors, attempt, formProps: { noValidate: true, onSubmit, onInput } };
}
