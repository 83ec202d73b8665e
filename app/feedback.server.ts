import type { Channel } from "#pathways/actor.ts";
import type { Language } from "#pathways/i18n.ts";
import { getStores } from "./db.server.ts";
import { feedbackFields, feedbackForm } from "./feedback-form.ts";
import { fieldErrors, formValues } from "./form-values.ts";

export type FeedbackErrors = Partial<Record<"rating" | "comment", string>>;

export interface GiveFeedback {
  rating: number;
  comment: string | null;
  language: Language;
  channel: Channel;
  at?: Date;
}

/**
 * Satisfaction after a screening, for the indicators. Anonymous by design: no case, no
 * person and no actor is kept with it, only the channel it came by and its language.
 */
export function giveFeedback({ rating, comment, language, channel, at = new Date() }: GiveFeedback): Promise<void> {
  return getStores().feedback.record({ rating, comment, language, channel, at });
}

/** The feedback form, posted online: stored, or on bad input the messages by field and nothing stored. */
export async function submitFeedback(request: Request, language: Language): Promise<{ saved: true } | { errors: FeedbackErrors; comment: string }> {
  const values = formValues(await request.formData(), feedbackFields);
  const parsed = feedbackForm.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed) as FeedbackErrors, comment: values.comment.slice(0, 2000) };
  await giveFeedback({ ...parsed.data, language, channel: "online" });
  return { saved: true };
}
