/** The locale files of each language, one per area of the app. */
export const namespaces = ["common", "catalogue", "screening"] as const;
export type Namespace = (typeof namespaces)[number];
export const defaultNamespace = "common";
