import { diagramPage } from "./diagram.ts";
import { pathwayCatalogue, type PathwayId } from "./pathways.ts";
import { referralMachine, referralMachineVersion } from "./referral/machine.ts";
import { screeningMachine, screeningMachineVersion } from "./screening/machine.ts";

const descriptions: Record<PathwayId, { title: string; text: string }> = {
  safeguarding: {
    title: "Safeguarding",
    text: "For a child or adult at risk or danger at home: no package, emergency guidance at once and an alert to staff.",
  },
  "eviction-risk": {
    title: "Eviction risk",
    text: "Rent arrears or an eviction notice: debt advice, income support and family support together; escalates when no provider has accepted within one working day.",
  },
  "families-with-disabled-child": {
    title: "Families with a disabled child",
    text: "One family plan and one key worker; no referral is made before the key worker is assigned.",
  },
  "older-people-at-home": {
    title: "Older people living at home",
    text: "Aged 65 or more with daily-living needs: municipal home care, service vouchers and private providers in one package, so the person can stay at home.",
  },
  "mental-health-recovery": {
    title: "Mental health recovery",
    text: "Staged: housing and counselling come before employment support.",
  },
  "long-term-unemployment": {
    title: "Long-term unemployment",
    text: "Unemployed 12 months or more: an assessment of work capacity and life circumstances is recorded before the multi-agency referral.",
  },
};

/** Every machine's diagram page, by file name under docs/pathways/. */
export function allDiagramPages(): { file: string; content: string }[] {
  const pathways = (Object.keys(pathwayCatalogue) as PathwayId[]).map((id) => ({
    file: `${id}.md`,
    content: diagramPage(pathwayCatalogue[id].machine, descriptions[id].title, pathwayCatalogue[id].version, descriptions[id].text),
  }));
  return [
    ...pathways,
    {
      file: "referral.md",
      content: diagramPage(
        referralMachine,
        "Referral lifecycle",
        referralMachineVersion,
        "Shared by every pathway; the statuses of the HL7 FHIR Task used for closed-loop referrals.",
      ),
    },
    {
      file: "screening.md",
      content: diagramPage(
        screeningMachine,
        "Needs screening",
        screeningMachineVersion,
        "The questionnaire: one question a page, asking only what is relevant.",
      ),
    },
  ];
}
