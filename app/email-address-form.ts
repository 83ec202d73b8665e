import * as z from "zod/mini";
import { fieldErrors, formValues } from "./form-values.ts";

/** "Email me a link": the address, checked by this schema in the action and, with JavaScript, in the browser first. */
export const emailAddressFields = ["email"] as const;

// zod's own email pattern as a plain regex check: z.email() would put zod's format
// machinery into the checks every form page shares (docs/decisions/012-page-weight.md).
export const emailAddressForm = z.object({
  email: z.pipe(
    z.string().check(z.trim(), z.minLength(1, "emailLink.errors.required"), z.maxLength(254, "emailLink.errors.tooLong")),
    z.string().check(z.regex(z.regexes.email, "emailLink.errors.invalid")),
  ),
});

export function checkEmailAddressForm(formData: FormData): Record<string, string> {
  return fieldErrors(emailAddressForm.safeParse(formValues(formData, emailAddressFields)));
}
