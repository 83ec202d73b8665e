/**
 * A form's fields as its schema takes them, the same in the action and in the browser
 * (useFormChecks): each named field's text as sent, "" for one not sent or sent as a
 * file, so a schema says "required" rather than "expected a string"; other names, and
 * a field sent twice after its first value, are ignored.
 */
export function formValues<const Field extends string>(formData: FormData, fields: readonly Field[]): Record<Field, string> {
  const values = Object.create(null) as Record<Field, string>;
  for (const field of fields) {
    const value = formData.get(field);
    values[field] = typeof value === "string" ? value : "";
  }
  return values;
}

/** The first message the schema gives for each field; empty when it accepts the values. */
export function fieldErrors(result: {
  success: boolean;
  error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] };
}): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) {
    const field = String(issue.path[0] ?? "");
    errors[field] ??= issue.message;
  }
  return errors;
}
