import type { LocalizedText } from "./i18n.ts";

/**
 * The demo region: four fictional municipalities around the fictional city of Koskela.
 * A real deployment replaces this list with its own municipalities (Statistics Finland
 * codes); everything else refers to them by code only.
 */
export const municipalities = {
  koskela: { name: { en: "Koskela", fi: "Koskela", sv: "Forsby" } },
  harjavesi: { name: { en: "Harjavesi", fi: "Harjavesi", sv: "Åsvatten" } },
  rantala: { name: { en: "Rantala", fi: "Rantala", sv: "Strandby" } },
  kuusilahti: { name: { en: "Kuusilahti", fi: "Kuusilahti", sv: "Granvik" } },
} as const satisfies Record<string, { name: LocalizedText }>;

export type MunicipalityCode = keyof typeof municipalities;

export const municipalityCodes = Object.keys(municipalities) as MunicipalityCode[];

export function isMunicipalityCode(value: unknown): value is MunicipalityCode {
  return typeof value === "string" && Object.hasOwn(municipalities, value);
}
