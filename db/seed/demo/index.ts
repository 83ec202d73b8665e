import { familiesCatalogue } from "./families.ts";
import { olderPeopleCatalogue } from "./older-people.ts";
import { publicLocations, publicOrganizations } from "./public-bodies.ts";
import type { DemoCatalogue } from "./types.ts";
import { workMoneyHousingCatalogue } from "./work-money-housing.ts";

const parts = [olderPeopleCatalogue, familiesCatalogue, workMoneyHousingCatalogue];

/** The hand-written demo catalogue of the fictional Järvimaa region. */
export const demoCatalogue: DemoCatalogue = {
  organizations: [...publicOrganizations, ...parts.flatMap((part) => part.organizations)],
  locations: [...publicLocations, ...parts.flatMap((part) => part.locations)],
  services: parts.flatMap((part) => part.services),
};
