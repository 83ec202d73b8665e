import { describe, expect, it } from "vitest";
import { supportedLanguages } from "#pathways/i18n.ts";
import { isNeedCode, needCategories, needCodes, needs } from "#pathways/needs/taxonomy.ts";

describe("needs taxonomy", () => {
  it("has at least 30 needs in two levels", () => {
    expect(needCodes.length).toBeGreaterThanOrEqual(30);
    for (const code of needCodes) {
      const category = needs[code].category;
      expect(code.startsWith(`${category}.`)).toBe(true);
      expect(needCategories[category]).toBeDefined();
    }
  });

  it("covers the areas the portal serves", () => {
    for (const code of [
      "daily-living.home-care",
      "health.memory",
      "health.mental",
      "health.substance-use",
      "disability.child-speech-therapy",
      "disability.child-occupational-therapy",
      "disability.child-psychological-therapy",
      "disability.school-support",
      "disability.respite",
      "caring.carer-support",
      "work.unemployed-short",
      "work.unemployed-long",
      "work.youth",
      "money.debt",
      "money.benefits",
      "money.income",
      "housing.eviction-risk",
      "housing.homeless",
      "safety.domestic-abuse",
      "safety.child-at-risk",
      "social.isolation",
      "transport.mobility",
    ]) {
      expect(isNeedCode(code), code).toBe(true);
    }
  });

  it("labels every need and category in every language", () => {
    for (const language of supportedLanguages) {
      for (const category of Object.values(needCategories)) expect(category.name[language].trim()).not.toBe("");
      for (const need of Object.values(needs)) {
        expect(need.name[language].trim()).not.toBe("");
        expect(need.description[language].trim()).not.toBe("");
      }
    }
  });

  it("does not mistake other strings for need codes", () => {
    expect(isNeedCode("housing")).toBe(false);
    expect(isNeedCode("__proto__")).toBe(false);
    expect(isNeedCode("toString")).toBe(false);
  });
});
