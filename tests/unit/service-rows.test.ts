import { createInstance } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import type { findService } from "#app/catalogue.server.ts";
import { i18nextOptions } from "#app/i18n/config.ts";
import { namespaceText } from "#app/i18n/namespace-text.ts";
import { resources } from "#app/i18n/resources.ts";
import { serviceRows, type ServiceRow } from "#app/service-rows.ts";

type ServiceDetail = NonNullable<Awaited<ReturnType<typeof findService>>>;

let t: ReturnType<typeof namespaceText<"catalogue">>;
beforeAll(async () => {
  const i18n = createInstance();
  await i18n.init({ ...i18nextOptions, resources, lng: "en" });
  t = namespaceText(i18n, "en", "catalogue");
});

const english = (text: string) => ({ text, language: "en" as const });
const service = (overrides: Partial<ServiceDetail> = {}): ServiceDetail => ({
  id: 1,
  name: english("Debt advice"),
  summary: null,
  description: null,
  applicationProcess: null,
  eligibility: null,
  minimumAge: null,
  maximumAge: null,
  residencyRequired: false,
  delivery: ["in_person", "phone"],
  acceptsReferrals: true,
  typicalWaitDays: null,
  capacity: "available",
  qualityRating: null,
  accreditations: null,
  url: null,
  email: null,
  phones: [],
  provider: { name: english("Koskela city"), type: "public", website: null, phone: null, email: null },
  costs: [{ kind: "free", amountCents: null, unit: null, description: null }],
  locations: [],
  schedules: [],
  needCodes: [],
  municipalityCodes: ["rantala", "koskela"],
  languageCodes: ["fi", "sv"],
  needNames: [],
  ...overrides,
});
const keys = (rows: ServiceRow[]) => rows.map((row) => row.key);
const textOf = (rows: ServiceRow[], key: string) => {
  const value = rows.find((row) => row.key === key)?.value;
  return value?.kind === "text" ? value.text : undefined;
};

describe("serviceRows", () => {
  it("says whom a service is for only with what the catalogue knows: the area always, eligibility and age when given", () => {
    expect(serviceRows(service(), "en", t).whoFor).toEqual([{ key: "Area", value: { kind: "text", text: "Koskela and Rantala" } }]);
    const eligibility = english("Adults in money trouble");
    const { whoFor } = serviceRows(service({ eligibility, minimumAge: 18, residencyRequired: true }), "en", t);
    expect(whoFor).toEqual([
      { key: "Who can use it", value: { kind: "localized", value: eligibility } },
      { key: "Age", value: { kind: "text", text: "18 years and over" } },
      { key: "Area", value: { kind: "text", text: "Koskela and Rantala (residents only)" } },
    ]);
  });

  it("words an age limit by which ends it has", () => {
    const age = (minimumAge: number | null, maximumAge: number | null) => textOf(serviceRows(service({ minimumAge, maximumAge }), "en", t).whoFor, "Age");
    expect(age(3, 17)).toBe("3 to 17 years");
    expect(age(65, null)).toBe("65 years and over");
    expect(age(null, 29)).toBe("Up to 29 years");
  });

  it("lists the practical facts, leaving out the wait, rating and certificates the catalogue does not give", () => {
    const bare = serviceRows(service(), "en", t).practical;
    expect(keys(bare)).toEqual(["Cost", "Languages", "How it is given", "Places"]);
    expect(bare[0]!.value).toEqual({ kind: "costs", costs: service().costs });
    expect(textOf(bare, "Languages")).toBe("Finnish and Swedish");
    expect(textOf(bare, "How it is given")).toBe("in person and by phone");
    expect(textOf(bare, "Places")).toBe("Taking new clients");

    const full = serviceRows(service({ typicalWaitDays: 14, qualityRating: 4.5, accreditations: "ISO 9001", capacity: "waitlist" }), "en", t).practical;
    expect(keys(full)).toEqual(["Cost", "Languages", "How it is given", "Typical wait", "Places", "Client satisfaction", "Quality certificates"]);
    expect(textOf(full, "Typical wait")).toBe("14 days");
    expect(textOf(full, "Places")).toBe("Waiting list");
    expect(textOf(full, "Client satisfaction")).toMatch(/^4[.,]5 out of 5$/);
    expect(textOf(full, "Quality certificates")).toBe("ISO 9001");
    expect(textOf(serviceRows(service({ typicalWaitDays: 0 }), "en", t).practical, "Typical wait")).toBe("No waiting");
  });

  it("gives the service's own phones, email and website, else the provider's", () => {
    const provider = { ...service().provider, phone: "09 100", email: "info@koskela.example", website: "https://koskela.example" };
    expect(serviceRows(service({ provider }), "en", t).contact).toEqual([
      { key: "Phone", value: { kind: "phone", number: "09 100" } },
      { key: "Email", value: { kind: "email", address: "info@koskela.example" } },
      { key: "Website", value: { kind: "website", address: "https://koskela.example" } },
    ]);
    const own = serviceRows(service({ provider, phones: ["09 200", "09 300"], email: "debt@koskela.example", url: "https://koskela.example/debt" }), "en", t).contact;
    expect(own.map((row) => row.value)).toEqual([
      { kind: "phone", number: "09 200" },
      { kind: "phone", number: "09 300" },
      { kind: "email", address: "debt@koskela.example" },
      { kind: "website", address: "https://koskela.example/debt" },
    ]);
    expect(serviceRows(service(), "en", t).contact).toEqual([]);
  });

  it("links only web addresses: an imported website of another scheme is left out", () => {
    for (const url of ["javascript:alert(1)", "koskela.example", "ftp://koskela.example"]) {
      expect(keys(serviceRows(service({ url }), "en", t).contact)).toEqual([]);
    }
    expect(keys(serviceRows(service({ url: "HTTP://koskela.example" }), "en", t).contact)).toEqual(["Website"]);
  });
});
