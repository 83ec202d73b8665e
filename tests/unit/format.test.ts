import { describe, expect, it } from "vitest";
import { formatEuros, formatLanguageName, formatMunicipalities, formatNumber, formatWeekday } from "#app/format.ts";

// Intl separates amount and currency with a no-break space; compare with normal spaces.
const plain = (text: string) => text.replace(/\s/g, " ");

describe("formatting with Intl", () => {
  it("writes euros the way each language does", () => {
    expect(plain(formatEuros(4250, "fi"))).toBe("42,50 €");
    expect(plain(formatEuros(4250, "sv"))).toBe("42,50 €");
    expect(formatEuros(4250, "en")).toBe("€42.50");
    expect(plain(formatEuros(4200, "fi"))).toBe("42 €");
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
});
