/**
 * What an emailed link opens: a screening saved for later (`resume`), or a case's
 * referrals (`track`). The database stores these (db/schema.ts); pages take them from here.
 */
export const linkPurposes = ["resume", "track"] as const;
export type LinkPurpose = (typeof linkPurposes)[number];
