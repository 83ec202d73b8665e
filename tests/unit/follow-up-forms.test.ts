import { describe, expect, it } from "vitest";
import { checkConsentForm } from "#app/consent-form.ts";
import { checkEmailAddressForm } from "#app/email-address-form.ts";
import { checkFeedbackForm, feedbackFields, feedbackForm } from "#app/feedback-form.ts";
import { formValues } from "#app/form-values.ts";
import { checkResumeForm } from "#app/resume-form.ts";
import { checkTrackingForm } from "#app/tracking-form.ts";

const form = (entries: [string, string | Blob][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

describe("the forms outside the questions, checked the same in the action and the browser", () => {
  it("feedback needs a rating from 1 to 5 and takes a comment of up to 1,000 characters", () => {
    expect(checkFeedbackForm(form([]))).toEqual({ rating: "feedback.errors.rating" });
    expect(checkFeedbackForm(form([["rating", "6"]]))).toEqual({ rating: "feedback.errors.rating" });
    expect(checkFeedbackForm(form([["rating", "4"], ["comment", "x".repeat(1001)]]))).toEqual({ comment: "feedback.errors.commentTooLong" });
    expect(checkFeedbackForm(form([["rating", "4"], ["comment", "Kiitos"]]))).toEqual({});
    // What is stored: the rating as a number, the comment without control characters, none when blank.
    const parsed = feedbackForm.safeParse(formValues(form([["rating", "4"], ["comment", " Hyvä\u0007 palvelu "]]), feedbackFields));
    expect(parsed.success && parsed.data).toEqual({ rating: 4, comment: "Hyvä palvelu" });
    const blank = feedbackForm.safeParse(formValues(form([["rating", "2"], ["comment", "   "]]), feedbackFields));
    expect(blank.success && blank.data.comment).toBeNull();
  });

  it("tracking needs both a reference and an access code, neither absurdly long", () => {
    expect(checkTrackingForm(form([]))).toEqual({ reference: "track.errors.reference", accessCode: "track.errors.accessCode" });
    expect(checkTrackingForm(form([["reference", "  "], ["accessCode", "K7QM-2XWP-9HTD"]]))).toEqual({ reference: "track.errors.reference" });
    expect(checkTrackingForm(form([["reference", "LK-".padEnd(41, "X")], ["accessCode", "K7QM"]]))).toEqual({ reference: "track.errors.notFound" });
    expect(checkTrackingForm(form([["reference", "LK-7F3K-92QD"], ["accessCode", "K7QM-2XWP-9HTD"]]))).toEqual({});
  });

  it("resuming needs a code, not absurdly long, and a file sent as the code counts as none", () => {
    expect(checkResumeForm(form([]))).toEqual({ code: "resume.errors.required" });
    expect(checkResumeForm(form([["code", new Blob(["K7QM-2XWP-9HTD"])]]))).toEqual({ code: "resume.errors.required" });
    expect(checkResumeForm(form([["code", "K".repeat(101)]]))).toEqual({ code: "resume.errors.notFound" });
    expect(checkResumeForm(form([["code", " k7qm 2xwp 9htd "]]))).toEqual({});
  });

  it("consent needs at least one service, each a service id", () => {
    expect(checkConsentForm(form([]))).toEqual({ services: "consent.errors.required" });
    expect(checkConsentForm(form([["services", "12"], ["services", "abc"]]))).toEqual({ services: "consent.errors.required" });
    expect(checkConsentForm(form(Array.from({ length: 51 }, (_, index): [string, string] => ["services", String(index + 1)])))).toEqual({
      services: "consent.errors.required",
    });
    expect(checkConsentForm(form([["services", "12"], ["services", "40"]]))).toEqual({});
  });

  it("an emailed link needs an address that looks like one, of at most 254 characters", () => {
    expect(checkEmailAddressForm(form([]))).toEqual({ email: "emailLink.errors.required" });
    expect(checkEmailAddressForm(form([["email", "   "]]))).toEqual({ email: "emailLink.errors.required" });
    expect(checkEmailAddressForm(form([["email", "not an address"]]))).toEqual({ email: "emailLink.errors.invalid" });
    expect(checkEmailAddressForm(form([["email", `${"a".repeat(250)}@example.fi`]]))).toEqual({ email: "emailLink.errors.tooLong" });
    expect(checkEmailAddressForm(form([["email", " maija@example.fi "]]))).toEqual({});
  });
});
