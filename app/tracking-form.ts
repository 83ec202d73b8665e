import * as z from "zod/mini";
import { fieldErrors, formValues } from "./form-values.ts";

/**
 * The tracking lookup: a reference number and the access code shown with it, checked by
 * this schema in the action and, with JavaScript, in the browser first. Only their
 * presence and length: whether they match is for the server to say.
 */
export const trackingFields = ["reference", "accessCode"] as const;

export const trackingForm = z.object({
  reference: z.string().check(z.maxLength(40, "track.errors.notFound"), z.trim(), z.minLength(1, "track.errors.reference")),
  accessCode: z.string().check(z.maxLength(40, "track.errors.notFound"), z.trim(), z.minLength(1, "track.errors.accessCode")),
});

export function checkTrackingForm(formData: FormData): Record<string, string> {
  return fieldErrors(trackingForm.safeParse(formValues(formData, trackingFields)));
}
