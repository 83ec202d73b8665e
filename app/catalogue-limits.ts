/** Limits of the public catalogue search, shared by the server check and the page. */
export const searchPageSize = 20;
export const maxSearchLength = 200;
