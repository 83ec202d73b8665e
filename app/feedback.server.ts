import { feedback } from "#db/schema.ts";
import type { Language } from "#pathways/i18n.ts";
import { getDatabase } from "./db.server.ts";
import { feedbackFields, feedbackForm } from "./feedback-form.ts";
import { fieldErrors, formValues } from "./form-values.ts";

export type FeedbackErrors = Partial<Record<"rating" | "comment", string>>;

/** Stores an anonymous satisfaction answer; on bad input, the messages by field and nothing stored. */
export async function submitFeedback(request: Request, language: Language): Promise<{ saved: true } | { errors: FeedbackErrors; comment: string }> {
  const values = formValues(await request.formData(), feedbackFields);
  const parsed = feedbackForm.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed) as FeedbackErrors, comment: values.comment.slice(0, 2000) };
  getDatabase()
    .insert(feedback)
    .values({ rating: parsed.data.rating, comment: parsed.data.comment, language, channel: "online", createdAt: new Date() })
    .run();
  return { saved: true };
}
