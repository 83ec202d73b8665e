import type { LinkPurpose } from "#pathways/email-links.ts";
import { isScreeningPageId, type ScreeningPageId } from "#pathways/screening/pages.ts";

/**
 * Where the pages are: the one table of the addresses the screening and the pages around
 * it are served at. The screening names its pages by id (pathways/screening/pages.ts);
 * this table gives each an address for whoever is answering. The person answering for
 * themselves has one screening, the one their flow cookie names, under /screening (these
 * addresses are bookmarked, emailed and documented: they do not change). Staff answering
 * for a visitor reach a screening under its case's address, with the screening's id in
 * it, so that one browser can hold several visitors' screenings in several tabs.
 *
 * Every page's JavaScript carries this module: it imports only names, never the
 * questionnaire or anything of the server.
 */

export type StaffScreeningPlace = { audience: "staff"; caseId: string; screeningId: string };
export type ScreeningPlace = { audience: "citizen" } | StaffScreeningPlace;

export const citizenPlace: ScreeningPlace = { audience: "citizen" };

/** The citizen's screening and the pages around it: everything under here is theirs. */
export const citizenScreeningPrefix = "/screening";

export function screeningPagePath(page: ScreeningPageId, place: ScreeningPlace): string {
  if (place.audience === "citizen") return `${citizenScreeningPrefix}/${page}`;
  return `/cases/${encodeURIComponent(place.caseId)}/screenings/${encodeURIComponent(place.screeningId)}/${page}`;
}

/** A page id from a URL's param; anything else (another word, `__proto__`, nothing) is no page. */
export function screeningPageFromParam(param: string | undefined): ScreeningPageId | null {
  return isScreeningPageId(param) ? param : null;
}

/** The shape of the screening ids the server issues: 24 url-safe characters from 18 random bytes (app/session.server.ts). */
export const issuedIdPattern = /^[A-Za-z0-9_-]{24}$/;

/** The shape of case ids: a UUID, or (a case from before migration 0014) the id of its screening. */
const caseIdPattern = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[A-Za-z0-9_-]{24})$/;

/**
 * The place and page a staff screening URL names, from its params; null when an id is not
 * shaped like one the server issues or the page is none of the screening's. The route
 * answers null with the same 404 as an id that never existed, so tampering tells nothing.
 */
export function staffScreeningPageFromParams(params: {
  caseId?: string;
  screeningId?: string;
  page?: string;
}): { place: StaffScreeningPlace; page: ScreeningPageId } | null {
  const { caseId, screeningId } = params;
  const page = screeningPageFromParam(params.page);
  if (!page || !caseId || !screeningId || !caseIdPattern.test(caseId) || !issuedIdPattern.test(screeningId)) return null;
  return { place: { audience: "staff", caseId, screeningId }, page };
}

/** The package page once the person has asked to see it: after danger is disclosed, it waits for that. */
export function chosenPackagePath(place: ScreeningPlace): string {
  return `${screeningPagePath("complete", place)}?show=package`;
}

export function asksForPackage(url: URL): boolean {
  return url.searchParams.get("show") === "package";
}

/** The citizen's pages beside the screening's questions. */
export const citizenPaths = {
  startScreening: `${citizenScreeningPrefix}/start`,
  extendSession: `${citizenScreeningPrefix}/extend`,
  urgentHelp: `${citizenScreeningPrefix}/urgent-help`,
  timedOut: `${citizenScreeningPrefix}/timed-out`,
  saved: `${citizenScreeningPrefix}/save`,
  consent: `${citizenScreeningPrefix}/consent`,
  resume: `${citizenScreeningPrefix}/resume`,
  track: "/track",
  trackedReferrals: "/track/referrals",
  /** Ends the session on the server, then goes to a neutral site (a POST: it changes what the cookies open). */
  exit: "/exit",
} as const;

/** Where an emailed link's token follows: the page that opens a saved screening, or a case's referrals. */
export const emailedLinkPrefixes: Readonly<Record<LinkPurpose, string>> = {
  resume: `${citizenPaths.resume}/link/`,
  track: `${citizenPaths.track}/link/`,
};

export function emailedLinkPath(purpose: LinkPurpose, token: string): string {
  return emailedLinkPrefixes[purpose] + token;
}
