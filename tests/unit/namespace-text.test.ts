import { createInstance } from "i18next";
import { describe, expect, it } from "vitest";
import { i18nextOptions } from "#app/i18n/config.ts";
import { resources } from "#app/i18n/resources.ts";
import { namespaceText } from "#app/i18n/namespace-text.ts";

async function instance() {
  const i18n = createInstance();
  await i18n.init({ ...i18nextOptions, resources, lng: "en" });
  return i18n;
}

describe("namespaceText", () => {
  it("says what i18next says, in the language asked for, with and without options", async () => {
    const i18n = await instance();
    for (const language of ["en", "fi", "sv"] as const) {
      const t = namespaceText(i18n, language, "catalogue");
      expect(t("cost.free")).toBe(i18n.getFixedT(language, "catalogue")("cost.free"));
      // Asked twice: the remembered answer is the same.
      expect(t("cost.free")).toBe(i18n.getFixedT(language, "catalogue")("cost.free"));
      expect(t("service.hours", { opens: "08:00", closes: "16:00" })).toBe(
        i18n.getFixedT(language, "catalogue")("service.hours", { opens: "08:00", closes: "16:00" }),
      );
    }
    expect(namespaceText(i18n, "fi", "catalogue")("cost.free")).not.toBe(namespaceText(i18n, "en", "catalogue")("cost.free"));
  });

  it("tells calls with different option values apart, and does not remember a default", async () => {
    const i18n = await instance();
    const t = namespaceText(i18n, "en", "catalogue");
    const hours = (opens: string, closes: string) => t("service.hours", { opens, closes });
    expect(hours("08:00", "16:00")).toContain("08:00");
    expect(hours("09:30", "12:00")).toContain("09:30");
    expect(hours("08:00", "16:00")).toContain("08:00");
    expect(t("lateHint" as "cost.free", { defaultValue: "" })).toBe("");
    i18n.addResource("en", "catalogue", "lateHint", "Now loaded");
    expect(t("lateHint" as "cost.free", { defaultValue: "" })).toBe("Now loaded");
  });

  it("keeps namespaces apart", async () => {
    const i18n = await instance();
    i18n.addResource("en", "common", "sameKey", "from common");
    i18n.addResource("en", "catalogue", "sameKey", "from catalogue");
    expect(namespaceText(i18n, "en", "common")("sameKey" as "serviceName")).toBe("from common");
    expect(namespaceText(i18n, "en", "catalogue")("sameKey" as "cost.free")).toBe("from catalogue");
  });

  it("asks again for a string that was missing, so strings loaded later are shown", async () => {
    const i18n = await instance();
    const t = namespaceText(i18n, "en", "catalogue");
    expect(t("lateKey" as "cost.free")).toBe("lateKey");
    i18n.addResource("en", "catalogue", "lateKey", "Loaded later");
    expect(t("lateKey" as "cost.free")).toBe("Loaded later");
  });
});
