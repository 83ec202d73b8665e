/** Limits and fields of the public catalogue search, shared by the server check and the page. */
export const searchPageSize = 20;
export const maxSearchLength = 200;
/** The query parameters a search can be refused for, in the order the page shows them. */
export const searchFields = ["q", "need", "municipality", "provider", "cost"] as const;
export type SearchField = (typeof searchFields)[number];
