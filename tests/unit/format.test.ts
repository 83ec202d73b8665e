import { createInstance } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { formatDays, formatEuros, formatLanguageName, formatMunicipalities, formatNumber, formatWeekday } from "#app/format.ts";
import { i18nextOptions } from "#app/i18n/config.ts";
import { namespaceText } from "#app/i18n/namespace-text.ts";
import { resources } from "#app/i18n/resources.ts";
import { supportedLanguages, type Language } from "#pathways/i18n.ts";

// Intl separates amount and currency with a no-break space; compare with normal spaces.
const plain = (text: string) => text.replace(/\s/g, " ");

describe("formatting with Intl", () => {
  it("writes euros the way each language does", () => {
    expect(plain(formatEuros(4250, "fi"))).toBe("42,50 €");
    expect(plain(formatEuros(4250, "sv"))).toBe("42,50 €");
    expect(formatEuros(4250, "en")).toBe("€42.50");
    expect(plain(formatEuros(4200, "fi"))).toBe("42 €");
  });

  // Written out character by character: Intl puts a no-break space (U+00A0) between the
  // amount and the sign and between the thousands in Finnish and Swedish, so that a price
  // never breaks across two lines. English (en-FI) prices group thousands with a comma, as
  // CLDR has it, though its plain numbers group with a space.
  it("writes every amount one way in each language: whole euros without cents, others with two decimals", () => {
    const nbsp = "\u00a0";
    expect(formatEuros(1900, "en")).toBe("€19");
    expect(formatEuros(1160, "en")).toBe("€11.60");
    expect(formatEuros(890, "en")).toBe("€8.90");
    expect(formatEuros(145000, "en")).toBe("€1,450");
    expect(formatEuros(5, "en")).toBe("€0.05");
    expect(formatEuros(1900, "fi")).toBe(`19${nbsp}€`);
    expect(formatEuros(1160, "fi")).toBe(`11,60${nbsp}€`);
    expect(formatEuros(145000, "fi")).toBe(`1${nbsp}450${nbsp}€`);
    expect(formatEuros(1900, "sv")).toBe(`19${nbsp}€`);
    expect(formatEuros(1160, "sv")).toBe(`11,60${nbsp}€`);
    expect(formatEuros(145050, "sv")).toBe(`1${nbsp}450,50${nbsp}€`);
  });

  it("groups thousands the Finnish way, in English too (en-FI)", () => {
    expect(plain(formatNumber(50000, "fi"))).toBe("50 000");
    expect(plain(formatNumber(50000, "en"))).toBe("50 000");
    expect(formatNumber(4.25, "fi", 1)).toBe("4,3");
  });

  it("names weekdays and languages in the reader's language", () => {
    expect(formatWeekday("MO", "fi")).toBe("maanantai");
    expect(formatWeekday("SU", "sv")).toBe("söndag");
    expect(formatWeekday("WE", "en")).toBe("Wednesday");
    expect(formatLanguageName("sv", "fi")).toBe("ruotsi");
    expect(formatLanguageName("fi", "sv")).toBe("finska");
  });

  it("lists municipalities alphabetically in the reader's language", () => {
    const codes = ["harjavesi", "koskela", "kuusilahti", "rantala"];
    expect(formatMunicipalities(codes, "sv")).toBe("Forsby, Granvik, Strandby och Åsvatten");
    expect(formatMunicipalities(codes, "fi")).toBe("Harjavesi, Koskela, Kuusilahti ja Rantala");
    expect(formatMunicipalities(["rantala", "koskela"], "en")).toBe("Koskela and Rantala");
  });

  describe("opening days", () => {
    const text = new Map<Language, ReturnType<typeof namespaceText<"catalogue">>>();
    beforeAll(async () => {
      const i18n = createInstance();
      await i18n.init({ ...i18nextOptions, resources, lng: "en" });
      for (const language of supportedLanguages) text.set(language, namespaceText(i18n, language, "catalogue"));
    });
    const days = (codes: string, language: Language) => formatDays(codes.split(","), language, text.get(language)!);

    it("says every day for all seven, in any order", () => {
      expect(days("MO,TU,WE,TH,FR,SA,SU", "en")).toBe("Every day");
      expect(days("SU,SA,FR,TH,WE,TU,MO", "en")).toBe("Every day");
      expect(days("MO,TU,WE,TH,FR,SA,SU", "fi")).toBe("päivittäin");
      expect(days("MO,TU,WE,TH,FR,SA,SU", "sv")).toBe("alla dagar");
    });

    it("joins three or more days in a row into a range", () => {
      expect(days("MO,TU,WE,TH,FR", "en")).toBe("Monday to Friday");
      expect(days("MO,TU,WE,TH,FR", "fi")).toBe("maanantai–perjantai");
      expect(days("MO,TU,WE,TH,FR", "sv")).toBe("måndag–fredag");
      expect(days("TU,WE,TH,FR,SA,SU", "en")).toBe("Tuesday to Sunday");
    });

    it("lists two days in a row and days apart one by one, in the order of the week", () => {
      expect(days("SA,SU", "en")).toBe("Saturday and Sunday");
      expect(days("FR,MO,WE,TU", "en")).toBe("Monday to Wednesday and Friday");
      expect(days("MO,TU,WE,FR,SA,SU", "en")).toBe("Monday to Wednesday and Friday to Sunday");
      expect(days("MO,WE,FR", "fi")).toBe("maanantai, keskiviikko ja perjantai");
      expect(days("TH", "sv")).toBe("torsdag");
      expect(days("MO,TU,WE,TH,SU", "sv")).toBe("måndag–torsdag och söndag");
    });

    it("shows a code that is no day as it is, last", () => {
      expect(days("1MO,TU,WE,TH", "en")).toBe("Tuesday to Thursday and 1MO");
    });
  });
});
