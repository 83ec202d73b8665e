/** The locale files of each language, one per area of the app. */
export const namespaces = ["common", "catalogue", "screening", "start", "privacy", "help", "consent", "followUp", "emailLink", "urgentHelp", "checkAnswers", "questionnaire", "email", "exitPage", "forWhom", "refused"] as const;
export type Namespace = (typeof namespaces)[number];
export const defaultNamespace = "common";

/**
 * The namespaces a browser may load. The questionnaire's texts (every question, option
 * and error message) stay on the server: a question page is sent its own step's words
 * (app/screening/question-text.server.ts), check answers its questions in words. So do
 * the emails' texts, which no page draws; Exit this page's, which the server writes
 * into each page (app/exit-page.server.ts); whom a service or referral is for, which the
 * loaders send in words (app/for-whom.server.ts); and the pages the server answers before
 * React Router (app/refusal-page.server.ts). No page's JavaScript carries them.
 */
export type BrowserNamespace = Exclude<Namespace, "questionnaire" | "email" | "exitPage" | "forWhom" | "refused">;
