import * as z from "zod/mini";
import { fieldErrors, formValues } from "./form-values.ts";

/** The feedback form, checked by this schema in the action and, with JavaScript, in the browser first. */
export const feedbackFields = ["rating", "comment"] as const;

// Control characters other than line breaks are dropped: they have no place in a comment.
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export const feedbackForm = z.object({
  rating: z.pipe(z.enum(["1", "2", "3", "4", "5"], { error: "feedback.errors.rating" }), z.transform(Number)),
  comment: z.pipe(
    z.string().check(z.maxLength(1000, "feedback.errors.commentTooLong")),
    z.transform((text) => text.replace(controlCharacters, "").trim() || null),
  ),
});

export function checkFeedbackForm(formData: FormData): Record<string, string> {
  return fieldErrors(feedbackForm.safeParse(formValues(formData, feedbackFields)));
}
