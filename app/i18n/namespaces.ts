/** The locale files of each language, one per area of the app. */
export const namespaces = ["common", "catalogue", "screening", "start", "privacy", "consent", "followUp", "urgentHelp", "checkAnswers", "questionnaire", "email", "exitPage"] as const;
export type Namespace = (typeof namespaces)[number];
export const defaultNamespace = "common";

/**
 * The namespaces a browser may load. The questionnaire's texts (every question, option
 * and error message) stay on the server: a question page is sent its own step's words
 * (app/screening/question-text.server.ts), check answers its questions in words. So do
 * the emails' texts, which no page draws, and Exit this page's, which the server writes
 * into each page (app/exit-page.server.ts) so no page's JavaScript carries them.
 */
export type BrowserNamespace = Exclude<Namespace, "questionnaire" | "email" | "exitPage">;
