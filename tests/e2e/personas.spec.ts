import type { Page } from "@playwright/test";
import { needs as needDefinitions, type NeedCode } from "#pathways/needs/taxonomy.ts";
import type { PathwayId } from "#pathways/pathways.ts";
import { personas, type PersonaName } from "#pathways/screening/personas.ts";
import { actAsStaff, alerts, caseIdOf, caseReference, pathwayStates, referrals } from "./case.ts";
import { expect, test } from "./fixtures.ts";
import { answer, answerOverHttp, giveDetailsIfAsked } from "./journey.ts";

/**
 * The six personas of the pathway engine, each from the start page to the confirmation,
 * in the browser with JavaScript on and off: what each person sees of their pathways.
 * (tests/integration/personas.test.ts checks the same people against the engine alone.)
 */

const needName = (code: NeedCode) => needDefinitions[code].name.en;

interface Expected {
  /** The pathway the screening starts, the state it waits in once the package is shown, and its state once referrals are sent. */
  pathway: PathwayId;
  waitsIn: string;
  referred: string;
  /** Every need the package page lists, on a service or apart as unmet. */
  needs: NeedCode[];
  /** Needs the page says no service was found for. */
  unmet: NeedCode[];
  /** A service the package proposes for a need, by its English name. */
  proposed: Partial<Record<NeedCode, string>>;
  /** Before staff have acted: what they do first (the section's heading), the services it is for, and the step staff then take. */
  staffFirst?: { heading: string; services: string[]; staffStep: Parameters<typeof actAsStaff>[2] };
  /** The services the consent page offers to refer to (each ticked in the test). */
  offered: string[];
  /** The services referred at once, when the pathway stages them (default: every one offered). */
  referredNow?: string[];
}

const expected: Record<Exclude<PersonaName, "dangerAtHome">, Expected> = {
  olderPersonAlone: {
    pathway: "older-people-at-home",
    waitsIn: "awaitingConsent",
    referred: "awaitingAcceptance",
    needs: ["daily-living.home-care", "daily-living.home-safety", "daily-living.meals", "health.memory", "social.isolation"],
    unmet: [],
    proposed: { "daily-living.home-care": "Home care", "daily-living.meals": "Meal delivery", "health.memory": "Day activity for older people" },
    offered: ["Day activity for older people", "Home care", "Loan of assistive devices", "Meal delivery"],
  },
  twinsFamily: {
    pathway: "families-with-disabled-child",
    waitsIn: "awaitingKeyWorker",
    referred: "awaitingAcceptance",
    needs: [
      "disability.child-psychological-therapy",
      "disability.child-speech-therapy",
      "disability.respite",
      "disability.school-support",
      "family.parenting",
    ],
    unmet: [],
    proposed: {
      "disability.child-speech-therapy": "Family key worker for families with a disabled child",
      "disability.respite": "Family key worker for families with a disabled child",
    },
    // The family plan waits for its key worker, who then takes it to the family for consent.
    staffFirst: {
      heading: "First, a key worker for your family",
      services: ["Family key worker for families with a disabled child For your children For your family"],
      staffStep: { type: "KEY_WORKER_ASSIGNED", staffId: "staff:key-worker-1" },
    },
    offered: ["Family key worker for families with a disabled child"],
  },
  unemployed14Months: {
    pathway: "long-term-unemployment",
    waitsIn: "awaitingAssessment",
    referred: "awaitingAcceptance",
    needs: ["work.unemployed-long", "money.debt"],
    unmet: [],
    proposed: { "work.unemployed-long": "Work capacity and life situation assessment", "money.debt": "Financial and debt advice" },
    // No referral before the assessment of work capacity is recorded.
    staffFirst: {
      heading: "First, an assessment of your work ability and situation",
      services: ["Work capacity and life situation assessment For you", "Financial and debt advice For you"],
      staffStep: { type: "ASSESSMENT_RECORDED", workCapacity: "partial", summary: "Can work part time; debts are the first worry." },
    },
    offered: ["Work capacity and life situation assessment", "Financial and debt advice"],
  },
  evictionFamily: {
    pathway: "eviction-risk",
    waitsIn: "awaitingConsent",
    referred: "awaitingAcceptance",
    needs: ["housing.eviction-risk", "money.income", "money.benefits", "money.debt"],
    unmet: [],
    proposed: { "housing.eviction-risk": "Adult social work and eviction prevention", "money.debt": "Financial and debt advice" },
    offered: ["Adult social work and eviction prevention", "Financial and debt advice"],
  },
  mentalHealthRecovery: {
    pathway: "mental-health-recovery",
    waitsIn: "awaitingConsent",
    // Stage 1 of the recovery pathway: a home and mental health first.
    referred: "stabilising",
    needs: ["housing.homeless", "health.mental", "social.isolation", "work.unemployed-short"],
    unmet: ["social.isolation"],
    proposed: {
      "health.mental": "Mental health and substance use outpatient services",
      "housing.homeless": "Adult social work and eviction prevention",
      "work.unemployed-short": "IPS job coaching for mental health clients",
    },
    offered: [
      "Mental health and substance use outpatient services",
      "Adult social work and eviction prevention",
      "IPS job coaching for mental health clients",
    ],
    // Job coaching waits until a home and counselling are in place.
    referredNow: ["Mental health and substance use outpatient services", "Adult social work and eviction prevention"],
  },
};

const title = {
  olderPersonAlone: "an older person living alone gets care at home, meals, safety, memory and company, and consents to four services",
  twinsFamily: "the twins' family gets the family key worker for the children's needs, waits for its key worker, then consents to the family plan",
  unemployed14Months: "the person unemployed for 14 months is told the work ability assessment comes first, and consents once it is recorded",
  evictionFamily: "the family facing eviction gets housing and money help and consents to both services",
  mentalHealthRecovery: "the person recovering from mental ill health consents to housing, counselling and job coaching; job coaching waits for the first two",
} satisfies Record<keyof typeof expected, string>;

async function startScreening(page: Page) {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Find out what help you can get");
  await page.getByRole("button", { name: "Start now" }).click();
}

/** Answers the persona's questions in order, each on its own page. */
async function answerQuestions(page: Page, events: (typeof personas)[PersonaName]["events"], eachPage?: () => Promise<void>) {
  for (const event of events) {
    const values = event.values as Record<string, unknown>;
    await expect(page).toHaveURL(new RegExp(`/screening/${event.step}$`));
    if (eachPage) {
      await page.locator(`[name="${Object.keys(values)[0]}"]`).first().waitFor();
      await eachPage();
    }
    await answer(page, values);
  }
}

async function confirmAnswers(page: Page) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
  await page.getByRole("button", { name: "Confirm and find services" }).click();
  await expect(page).toHaveURL(/\/screening\/complete(\?|$)/);
}

/** The package page: each service once, with the needs it meets; the needs no service meets listed apart. */
async function expectPackage(page: Page, needs: NeedCode[], unmet: NeedCode[], proposed: Partial<Record<NeedCode, string>>) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your service package");
  const met = await page.locator(".package-service .package-needs__name").allTextContents();
  const unmetNames = await page.locator(".package-unmet .package-needs__name").allTextContents();
  expect([...met, ...unmetNames].toSorted()).toEqual(needs.map(needName).toSorted());
  expect(unmetNames.toSorted()).toEqual(unmet.map(needName).toSorted());
  const services = await page.locator(".package-service").getByRole("heading", { level: 2 }).allTextContents();
  expect(new Set(services).size).toBe(services.length);
  for (const [code, service] of Object.entries(proposed)) {
    const card = page.getByRole("region", { name: service, exact: true });
    await expect(card.locator(".package-needs__name").getByText(needName(code as NeedCode), { exact: true })).toHaveCount(1);
    // What the person needs to act on it: languages, where, and how to get in touch.
    await expect(card.locator(".summary-list__key")).toContainText(["Languages", "Where", "Contact"]);
    await expect(card.locator('a[href^="tel:"]')).toHaveCount(1);
  }
}

const referralCheckbox = (page: Page, service: string) =>
  page.getByRole("checkbox", { name: new RegExp(`^Send a referral to .+ for ${service.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) });

/** Ticks every service offered, sends the referrals, and returns the reference on the confirmation. */
async function consentToAll(page: Page, offered: string[], age: number): Promise<string> {
  await expect(page.getByRole("checkbox")).toHaveCount(offered.length);
  for (const service of offered) await expect(referralCheckbox(page, service)).not.toBeChecked();
  for (const service of offered) await referralCheckbox(page, service).check();
  await page.getByRole("button", { name: "Send referrals" }).click();
  await giveDetailsIfAsked(page, age);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Referrals sent");
  const reference = page.getByTestId("reference");
  await expect(reference).toHaveText(/^LK-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(page.getByTestId("access-code")).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  return (await reference.textContent())!;
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`personas with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    for (const name of Object.keys(expected) as (keyof typeof expected)[]) {
      const want = expected[name];
      test(`${name}: answers each question on its page and gets the package for their needs`, async ({ page, expectAccessible }) => {
        await startScreening(page);
        await answerQuestions(page, personas[name].events);
        await confirmAnswers(page);
        await expectPackage(page, want.needs, want.unmet, want.proposed);
        await expect(page.getByRole("button", { name: "Exit this page" })).toBeVisible();
        // The package page is checked by axe in screening.spec.ts; here once more where it tells of needs no service meets.
        if (want.unmet.length > 0 && name === "twinsFamily") await expectAccessible(page);
        expect(pathwayStates(await caseIdOf(page))).toEqual({ [want.pathway]: want.waitsIn });
      });

      test(`${name}: ${title[name]}`, async ({ page, expectAccessible }) => {
        // The questions are answered page by page in the test above; here from the package on.
        await answerOverHttp(page.request, personas[name].events);
        await page.goto("/screening/complete");
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your service package");
        const caseId = await caseIdOf(page);
        expect(pathwayStates(caseId)).toEqual({ [want.pathway]: want.waitsIn });

        await page.getByRole("button", { name: "Choose services and give consent" }).click();
        let referenceBeforeConsent: string | undefined;
        if (want.staffFirst) {
          // Nothing to tick yet: the page says what staff do first, and for which services.
          await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nothing to send now");
          const section = page.getByRole("region", { name: want.staffFirst.heading });
          await expect(section.getByRole("listitem")).toHaveText(want.staffFirst.services);
          await expect(page.getByRole("checkbox")).toHaveCount(0);
          // The same page for both personas whose staff act first: axe once.
          if (name === "twinsFamily") await expectAccessible(page);
          // A reference to follow the case by, before anything is sent.
          await page.getByRole("button", { name: "Get a reference number" }).click();
          await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your reference number");
          await expect(page.getByText("A member of staff will contact you in the way you chose.")).toBeVisible();
          referenceBeforeConsent = (await page.getByTestId("reference").textContent())!;
          expect(referrals(caseId)).toEqual([]);
          await actAsStaff(caseId, want.pathway, want.staffFirst.staffStep);
          expect(pathwayStates(caseId)).toEqual({ [want.pathway]: "awaitingConsent" });
          await page.goto("/screening/consent");
        }
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose services and give your consent");

        // The consent and confirmation pages are checked by axe in screening.spec.ts.
        const reference = await consentToAll(page, want.offered, personas[name].answers.age);
        expect(caseReference(caseId)).toBe(reference);
        if (referenceBeforeConsent) expect(reference).toBe(referenceBeforeConsent);
        // One referral per service referred now, each sent and waiting for the provider's answer.
        const sent = referrals(caseId);
        expect(sent).toHaveLength((want.referredNow ?? want.offered).length);
        for (const referral of sent) expect(referral.status).toBe("requested");
        expect(pathwayStates(caseId)).toEqual({ [want.pathway]: want.referred });
      });
    }

    test("dangerAtHome: the person in danger sees emergency guidance first and an exit button throughout the questions", async ({ page }) => {
      const exit = page.getByRole("button", { name: "Exit this page" });
      const events = personas.dangerAtHome.events;
      const safetyAt = events.findIndex((event) => event.step === "safety");
      await startScreening(page);
      await answerQuestions(page, events.slice(0, safetyAt + 1), () => expect(exit).toBeVisible());

      // Disclosing danger interrupts the questions with emergency guidance.
      await expect(page).toHaveURL(/\/screening\/urgent-help$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Help you can get straight away");
      await expect(page.getByText("If you or a child are in danger now, call 112.")).toBeVisible();
      await expect(exit).toBeVisible();
      await page.getByRole("button", { name: "Continue with the questions" }).click();
      await answerQuestions(page, events.slice(safetyAt + 1), () => expect(exit).toBeVisible());
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
      await expect(exit).toBeVisible();
      await confirmAnswers(page);

      // The guidance again comes first; the package only when the person asks for it.
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Help you can get straight away");
      await expect(page.getByText("If you or a child are in danger now, call 112.")).toBeVisible();
      await expect(exit).toBeVisible();
      await expect(page.locator(".package-service")).toHaveCount(0);
      const caseId = await caseIdOf(page);
      // Safeguarding alone, with staff alerted at once and no referral waiting for consent.
      expect(pathwayStates(caseId)).toEqual({ safeguarding: "emergencyGuidance" });
      expect(alerts(caseId)).toEqual([{ alert: "safeguarding", urgency: "emergency" }]);
    });

    test("dangerAtHome: the package only when asked, nothing to refer, and a reference number, with the exit button on each page", async ({
      page,
      expectAccessible,
    }) => {
      const exit = page.getByRole("button", { name: "Exit this page" });
      // The questions are answered page by page in the test above; here from the guidance on.
      await answerOverHttp(page.request, personas.dangerAtHome.events);
      await page.goto("/screening/complete");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Help you can get straight away");
      const caseId = await caseIdOf(page);

      await page.getByRole("button", { name: "Show my service package" }).click();
      await expectPackage(page, ["safety.domestic-abuse", "safety.child-at-risk"], [], { "safety.domestic-abuse": "Järvimaa shelter" });
      await expect(exit).toBeVisible();

      await page.getByRole("button", { name: "Choose services and give consent" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nothing to send now");
      await expect(page.getByText("None of the services in your package need a referral from us.")).toBeVisible();
      await expect(exit).toBeVisible();
      await expect(page.getByRole("checkbox")).toHaveCount(0);
      await page.getByRole("button", { name: "Get a reference number" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your reference number");
      await expect(page.getByTestId("reference")).toHaveText(/^LK-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      await expect(exit).toBeVisible();
      await expectAccessible(page);
      expect(referrals(caseId)).toEqual([]);
    });
  });
}
