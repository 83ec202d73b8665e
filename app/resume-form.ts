import * as z from "zod/mini";
import { fieldErrors, formValues } from "./form-values.ts";

/**
 * The resume code form, checked by this schema in the action and, with JavaScript, in the
 * browser first: a code must be there and not absurdly long; whether it is one is for the
 * server to say.
 */
export const resumeFields = ["code"] as const;

export const resumeForm = z.object({
  code: z.string().check(z.maxLength(100, "resume.errors.notFound"), z.trim(), z.minLength(1, "resume.errors.required")),
});

export function checkResumeForm(formData: FormData): Record<string, string> {
  return fieldErrors(resumeForm.safeParse(formValues(formData, resumeFields)));
}
