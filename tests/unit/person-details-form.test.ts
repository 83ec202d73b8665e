import { describe, expect, it } from "vitest";
import { ageOn, parsePersonDetails, valuesOfDetails, type PersonDetailsValues } from "#app/person-details-form.server.ts";

const today = new Date("2026-12-06T10:00:00Z");
const blank: PersonDetailsValues = { fullName: "", phone: "", email: "", dobDay: "", dobMonth: "", dobYear: "", streetAddress: "", postcode: "" };
const all = ["name-and-contact", "date-of-birth", "address"] as const;
const filled: PersonDetailsValues = {
  fullName: "  Maija Meikäläinen ",
  phone: "040 123 4567",
  email: "Maija@Example.fi",
  dobDay: "27",
  dobMonth: "3",
  dobYear: "1948",
  streetAddress: "Koskenkatu 1",
  postcode: "33100",
};

describe("the details page's answers, checked at the boundary", () => {
  it("keeps a Finnish number in E.164, an email in lower case and the date as an ISO date", () => {
    expect(parsePersonDetails(filled, all, { today, age: 78 })).toEqual({
      details: { fullName: "Maija Meikäläinen", phone: "+358401234567", email: "maija@example.fi", dateOfBirth: "1948-03-27", streetAddress: "Koskenkatu 1", postcode: "33100" },
    });
    expect(parsePersonDetails({ ...blank, fullName: "Sven", phone: "+46 70 123 4567" }, ["name-and-contact"], { today })).toEqual({ details: { fullName: "Sven", phone: "+46701234567" } });
  });

  it("reads only the fields of the categories asked", () => {
    expect(parsePersonDetails({ ...filled, postcode: "nonsense" }, ["date-of-birth"], { today })).toEqual({ details: { dateOfBirth: "1948-03-27" } });
  });

  it.each([
    [{ phone: "123" }, "phone", "details.errors.phoneInvalid"],
    [{ phone: "call me" }, "phone", "details.errors.phoneInvalid"],
    [{ phone: "", email: "" }, "phone", "details.errors.contactRequired"],
    [{ email: "maija@" }, "email", "details.errors.emailInvalid"],
    [{ fullName: "   " }, "fullName", "details.errors.fullNameRequired"],
    [{ fullName: "x".repeat(201) }, "fullName", "details.errors.tooLong"],
    [{ dobDay: "31", dobMonth: "2" }, "dateOfBirth", "details.errors.dateOfBirthInvalid"],
    [{ dobYear: "48" }, "dateOfBirth", "details.errors.dateOfBirthInvalid"],
    [{ dobDay: "", dobMonth: "", dobYear: "" }, "dateOfBirth", "details.errors.dateOfBirthRequired"],
    [{ dobYear: "2027" }, "dateOfBirth", "details.errors.dateOfBirthFuture"],
    [{ dobYear: "1990" }, "dateOfBirth", "details.errors.dateOfBirthContradictsAge"],
    [{ streetAddress: "" }, "streetAddress", "details.errors.streetAddressRequired"],
    [{ postcode: "3310" }, "postcode", "details.errors.postcodeInvalid"],
    [{ postcode: "" }, "postcode", "details.errors.postcodeRequired"],
  ] as const)("refuses %j: %s gets %s", (change, field, message) => {
    const result = parsePersonDetails({ ...filled, ...change }, all, { today, age: 78 });
    expect(result).toEqual({ errors: { [field]: message } });
  });

  it("counts age in whole years, a birthday counting from its day", () => {
    expect(ageOn("1948-12-06", today)).toBe(78);
    expect(ageOn("1948-12-07", today)).toBe(77);
  });

  it("shows details given before as the form's values", () => {
    expect(valuesOfDetails({ fullName: "Maija", dateOfBirth: "1948-03-07" })).toEqual({ ...blank, fullName: "Maija", dobDay: "7", dobMonth: "3", dobYear: "1948" });
  });
});
