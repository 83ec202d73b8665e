import * as z from "zod/mini";
import { fieldErrors } from "./form-values.ts";

/**
 * Choosing services to consent to, checked by this schema in the action and, with
 * JavaScript, in the browser first: at least one, each a service id. Whether each was
 * offered is for the server to say.
 */
export const consentForm = z.object({
  services: z
    .array(z.string().check(z.regex(/^[1-9]\d{0,8}$/, "consent.errors.required")))
    .check(z.minLength(1, "consent.errors.required"), z.maxLength(50, "consent.errors.required")),
});

/** The ticked services as the schema takes them (text values only). */
export function consentValues(formData: FormData): { services: string[] } {
  return { services: formData.getAll("services").filter((value): value is string => typeof value === "string") };
}

export function checkConsentForm(formData: FormData): Record<string, string> {
  return fieldErrors(consentForm.safeParse(consentValues(formData)));
}
