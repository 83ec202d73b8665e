/** What a thrown 404 carries when the flow cookie names no screening we hold; the error page explains it. */
export const flowNotFound = "flow-not-found";
