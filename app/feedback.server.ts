import { z } from "zod";
import { feedback } from "#db/schema.ts";
import type { Language } from "#pathways/i18n.ts";
import { getDatabase } from "./db.server.ts";

// Control characters other than line breaks are dropped: they have no place in a comment.
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

const feedbackSchema = z.object({
  rating: z.enum(["1", "2", "3", "4", "5"], { error: "feedback.errors.rating" }).transform(Number),
  comment: z
    .string()
    .max(1000, "feedback.errors.commentTooLong")
    .transform((text) => text.replace(controlCharacters, "").trim() || null),
});

export type FeedbackErrors = Partial<Record<"rating" | "comment", string>>;

/** Stores an anonymous satisfaction answer; on bad input, the messages by field and nothing stored. */
export async function submitFeedback(request: Request, language: Language): Promise<{ saved: true } | { errors: FeedbackErrors; comment: string }> {
  const form = await request.formData();
  const comment = typeof form.get("comment") === "string" ? (form.get("comment") as string) : "";
  const parsed = feedbackSchema.safeParse({ rating: form.get("rating") ?? undefined, comment });
  if (!parsed.success) {
    const errors: FeedbackErrors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === "rating" || field === "comment") errors[field] ??= issue.message;
    }
    return { errors, comment: comment.slice(0, 2000) };
  }
  getDatabase()
    .insert(feedback)
    .values({ rating: parsed.data.rating, comment: parsed.data.comment, language, channel: "online", createdAt: new Date() })
    .run();
  return { saved: true };
}
