import { matchRoutes, type RouteObject } from "react-router";
import { describe, expect, it } from "vitest";
import routes from "#app/routes.ts";
import {
  chosenPackagePath,
  citizenPaths,
  citizenPlace,
  emailedLinkPath,
  emailedLinkPrefixes,
  screeningPageFromParam,
  screeningPagePath,
  staffScreeningPageFromParams,
  type ScreeningPlace,
} from "#app/page-paths.ts";
import { withoutLinkToken } from "#app/security.server.ts";
import { linkPurposes } from "#pathways/email-links.ts";
import { screeningPageIds, stepIds } from "#pathways/screening/pages.ts";
import { isStepId } from "#pathways/screening/questionnaire.ts";

const caseId = "Ab3_-Ab3_-Ab3_-Ab3_-Ab3x";
const screeningId = "Zz9-_Zz9-_Zz9-_Zz9-_Zz9q";
const staffPlace: ScreeningPlace = { audience: "staff", caseId, screeningId };

/** The route file that answers a path, as React Router would match it against app/routes.ts. */
function routeFileFor(path: string): string | undefined {
  const tree = routes.map((entry) => ({ id: entry.file, path: entry.path, index: entry.index }) as RouteObject);
  return matchRoutes(tree, path)?.at(-1)?.route.id;
}

const lastSegment = (path: string) => path.split("/").at(-1);

describe("the route table: the citizen's addresses", () => {
  it("keeps every screening page where it has always been, /screening/<page>", () => {
    expect(screeningPagePath("help-for", citizenPlace)).toBe("/screening/help-for");
    expect(screeningPagePath("check-answers", citizenPlace)).toBe("/screening/check-answers");
    expect(screeningPagePath("complete", citizenPlace)).toBe("/screening/complete");
    for (const step of stepIds) expect(screeningPagePath(step, citizenPlace)).toBe(`/screening/${step}`);
    expect(chosenPackagePath(citizenPlace)).toBe("/screening/complete?show=package");
  });

  it("keeps the pages around the screening, and the emailed links, where they have always been", () => {
    expect(citizenPaths).toEqual({
      startScreening: "/screening/start",
      extendSession: "/screening/extend",
      urgentHelp: "/screening/urgent-help",
      timedOut: "/screening/timed-out",
      saved: "/screening/save",
      consent: "/screening/consent",
      resume: "/screening/resume",
      track: "/track",
      trackedReferrals: "/track/referrals",
      exit: "/exit",
    });
    expect(emailedLinkPath("resume", "T0ken")).toBe("/screening/resume/link/T0ken");
    expect(emailedLinkPath("track", "T0ken")).toBe("/track/link/T0ken");
    expect(Object.keys(emailedLinkPrefixes).sort()).toEqual([...linkPurposes].sort());
  });

  it("gives each address a route in app/routes.ts, the one that draws that page", () => {
    for (const step of stepIds) expect(routeFileFor(screeningPagePath(step, citizenPlace)), step).toBe("routes/screening-step.tsx");
    expect(routeFileFor(screeningPagePath("check-answers", citizenPlace))).toBe("routes/screening-check-answers.tsx");
    expect(routeFileFor(screeningPagePath("complete", citizenPlace))).toBe("routes/screening-complete.tsx");
    expect(Object.fromEntries(Object.entries(citizenPaths).map(([page, path]) => [page, routeFileFor(path)]))).toEqual({
      startScreening: "routes/screening-start.ts",
      extendSession: "routes/screening-extend.ts",
      urgentHelp: "routes/screening-urgent-help.tsx",
      timedOut: "routes/screening-timed-out.tsx",
      saved: "routes/screening-save.tsx",
      consent: "routes/screening-consent.tsx",
      resume: "routes/screening-resume.tsx",
      track: "routes/track.tsx",
      trackedReferrals: "routes/track-referrals.tsx",
      exit: "routes/exit.ts",
    });
    expect(routeFileFor(emailedLinkPath("resume", "T0ken"))).toBe("routes/screening-resume-link.tsx");
    expect(routeFileFor(emailedLinkPath("track", "T0ken"))).toBe("routes/track-link.tsx");
  });

  it("reads a page back from its address, a question's page as its step, and nothing else", () => {
    for (const page of screeningPageIds) expect(screeningPageFromParam(lastSegment(screeningPagePath(page, citizenPlace)))).toBe(page);
    for (const step of stepIds) expect(screeningPageFromParam(step)).toBe(step);
    expect(isStepId(screeningPageFromParam("check-answers"))).toBe(false);
    expect(isStepId(screeningPageFromParam("complete"))).toBe(false);
  });

  it("refuses anything that is not a page of the screening", () => {
    for (const param of ["__proto__", "constructor", "toString", "hasOwnProperty", "checkAnswers", "Help-For", "help-for ", "../complete", "", "start", undefined]) {
      expect(screeningPageFromParam(param), String(param)).toBeNull();
    }
  });
});

describe("the route table: staff serve a screening under its case", () => {
  it("puts the case's and the screening's ids in the address, so several tabs hold several visitors", () => {
    expect(screeningPagePath("help-for", staffPlace)).toBe(`/cases/${caseId}/screenings/${screeningId}/help-for`);
    expect(screeningPagePath("check-answers", staffPlace)).toBe(`/cases/${caseId}/screenings/${screeningId}/check-answers`);
    expect(chosenPackagePath(staffPlace)).toBe(`/cases/${caseId}/screenings/${screeningId}/complete?show=package`);
    const other: ScreeningPlace = { audience: "staff", caseId: screeningId, screeningId: caseId };
    expect(screeningPagePath("age", other)).not.toBe(screeningPagePath("age", staffPlace));
  });

  it("reads the place and the page back from the address, for every page", () => {
    for (const page of screeningPageIds) {
      const [, cases, caseParam, screenings, screeningParam, pageParam] = screeningPagePath(page, staffPlace).split("/");
      expect([cases, screenings]).toEqual(["cases", "screenings"]);
      expect(staffScreeningPageFromParams({ caseId: caseParam, screeningId: screeningParam, page: pageParam })).toEqual({ place: staffPlace, page });
    }
  });

  it("refuses a tampered or malformed id, or a page that is not the screening's, alike", () => {
    const valid = { caseId, screeningId, page: "age" };
    expect(staffScreeningPageFromParams(valid)).not.toBeNull();
    const tampered = [
      { ...valid, caseId: caseId.slice(1) },
      { ...valid, screeningId: `${screeningId}x` },
      { ...valid, screeningId: "~".repeat(24) },
      { ...valid, caseId: `${caseId.slice(0, 23)}/` },
      { ...valid, screeningId: `${screeningId.slice(0, 22)}%2F` },
      { ...valid, caseId: `${caseId.slice(0, 23)}ä` },
      { ...valid, caseId: undefined },
      { ...valid, screeningId: "" },
      { ...valid, page: "__proto__" },
      { ...valid, page: "checkAnswers" },
      { ...valid, page: undefined },
    ];
    for (const params of tampered) expect(staffScreeningPageFromParams(params), JSON.stringify(params)).toBeNull();
  });

  it("takes a case's own id (a UUID since migration 0014) and refuses one altered", () => {
    const uuid = "0b7f6c1e-3a52-4c8e-9d2f-5e1a7b3c9d40";
    expect(staffScreeningPageFromParams({ caseId: uuid, screeningId, page: "age" })).toEqual({ place: { ...staffPlace, caseId: uuid }, page: "age" });
    for (const caseId of [`${uuid}0`, uuid.slice(1), uuid.toUpperCase(), uuid.replaceAll("-", ""), `${uuid.slice(0, 35)}g`]) {
      expect(staffScreeningPageFromParams({ caseId, screeningId, page: "age" }), caseId).toBeNull();
    }
  });

  it("has no route yet: until staff sign in, every staff address is not found", () => {
    for (const page of screeningPageIds) expect(routeFileFor(screeningPagePath(page, staffPlace)), page).toBe("routes/not-found.tsx");
  });
});

describe("emailed links in the server log", () => {
  it("show no token, on either kind of link, and leave other paths alone", () => {
    expect(withoutLinkToken(emailedLinkPath("resume", "Tok3nInTheResumeLink_0"))).toBe("/screening/resume/link/[token]");
    expect(withoutLinkToken(`${emailedLinkPath("track", "Tok3nInTheTrackLink-00")}/more`)).toBe("/track/link/[token]/more");
    expect(withoutLinkToken("/screening/resume")).toBe("/screening/resume");
    expect(withoutLinkToken("/screening/help-for")).toBe("/screening/help-for");
  });
});
