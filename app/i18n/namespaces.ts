/** The locale files of each language, one per area of the app. */
export const namespaces = ["common", "catalogue", "screening", "start", "privacy", "consent", "followUp", "urgentHelp", "checkAnswers", "questionnaire", "email"] as const;
export type Namespace = (typeof namespaces)[number];
export const defaultNamespace = "common";

/**
 * The namespaces a browser may load. The questionnaire's texts (every question, option
 * and error message) stay on the server: a question page is sent its own step's words
 * (app/screening/question-text.server.ts), check answers its questions in words. So do
 * the emails' texts, which no page draws.
 */
export type BrowserNamespace = Exclude<Namespace, "questionnaire" | "email">;
