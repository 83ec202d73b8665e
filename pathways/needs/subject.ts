import type { PersonProfile } from "../person.ts";
import { needs as needDefinitions, type NeedCode } from "./taxonomy.ts";

/**
 * Whom a need is for (ADR 015). The screening is about one person, the one who needs help
 * (their age is `age`), but some of what it finds is for others in that person's life:
 *
 * - "children": the children under 18 in the household (their ages are not asked; any age
 *   under 18). Children's disability needs, respite for a disabled child, and worry about
 *   a child's safety.
 * - "family": the household as a whole, parents and children (parenting support, family
 *   counselling): a family service's age limit may be about the parent or about the child.
 * - "carer": the person answering, when they answer for someone they care for (their age
 *   is not asked; an adult).
 * - "person": everything else, the person who needs help.
 *
 * Derived from the need code and the profile rather than stored with the need, so the
 * stored `Need` shape (in persisted machine snapshots) does not change.
 */
export const needSubjects = ["person", "children", "family", "carer"] as const;
export type NeedSubject = (typeof needSubjects)[number];

const childrensNeeds: ReadonlySet<NeedCode> = new Set([
  "disability.child-speech-therapy",
  "disability.child-occupational-therapy",
  "disability.child-psychological-therapy",
  "disability.school-support",
  // Asked only when children have support needs: short breaks from caring for the child.
  "disability.respite",
  "safety.child-at-risk",
]);

export function needSubject(code: NeedCode, person: Pick<PersonProfile, "helpFor">): NeedSubject {
  if (childrensNeeds.has(code)) return "children";
  if (needDefinitions[code].category === "family") return "family";
  if (code === "caring.carer-support" && person.helpFor === "someone-i-care-for") return "carer";
  return "person";
}

/** Children in the household are under 18; a carer whose age is not asked is an adult. */
export const childAgeRange = { lowest: 0, highest: 17 } as const;
export const adultAgeRange = { lowest: 18, highest: Number.POSITIVE_INFINITY } as const;

/**
 * The words that say whom a need is for, as a key in the forWhom namespace: the person
 * answering is "you"; when they answer for someone they care for, that person is "the
 * person you care for" and the children and family are theirs.
 */
export function subjectLabelKey(subject: NeedSubject, person: Pick<PersonProfile, "helpFor">) {
  const forSelf = person.helpFor === "self";
  switch (subject) {
    case "person":
      return forSelf ? ("you" as const) : ("personYouCareFor" as const);
    case "children":
      return forSelf ? ("yourChildren" as const) : ("theirChildren" as const);
    case "family":
      return forSelf ? ("yourFamily" as const) : ("theirFamily" as const);
    case "carer":
      return "youAsCarer" as const;
  }
}
export type SubjectLabelKey = ReturnType<typeof subjectLabelKey>;

/**
 * Whom a service or referral meeting these needs is for, each once, in the order of
 * needSubjects; `subjectOf` says whom each need is for (a stored package's word), or else
 * it is derived from the profile.
 */
export function forWhomOf(
  codes: readonly NeedCode[],
  person: Pick<PersonProfile, "helpFor">,
  subjectOf: (code: NeedCode) => NeedSubject = (code) => needSubject(code, person),
): SubjectLabelKey[] {
  const subjects = new Set(codes.map(subjectOf));
  return needSubjects.filter((subject) => subjects.has(subject)).map((subject) => subjectLabelKey(subject, person));
}
