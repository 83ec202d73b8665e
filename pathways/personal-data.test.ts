import { describe, expect, it } from "vitest";
import { categoriesToAsk, detailsComplete, detailsReplaced, detailsShared } from "./personal-data.ts";

const everything = {
  fullName: "Maija Meikäläinen",
  phone: "+358401234567",
  email: "maija@example.fi",
  dateOfBirth: "1948-03-27",
  streetAddress: "Koskenkatu 1",
  postcode: "33100",
};

describe("the details a referral asks for", () => {
  it("asks only name and contact, date of birth and address, in that order, whatever else the services need", () => {
    expect(categoriesToAsk(["health", "address", "name-and-contact", "address", "income-and-debts"])).toEqual(["name-and-contact", "address"]);
    expect(categoriesToAsk(["household", "needs-summary"])).toEqual([]);
  });

  it("takes a name with a phone number or an email address as enough to reach the person, but not a name alone", () => {
    expect(detailsComplete({ fullName: "Maija", email: "maija@example.fi" }, ["name-and-contact"])).toBe(true);
    expect(detailsComplete({ fullName: "Maija", phone: "+358401234567" }, ["name-and-contact"])).toBe(true);
    expect(detailsComplete({ fullName: "Maija" }, ["name-and-contact"])).toBe(false);
    expect(detailsComplete({ phone: "+358401234567" }, ["name-and-contact"])).toBe(false);
    expect(detailsComplete({ streetAddress: "Koskenkatu 1" }, ["address"])).toBe(false);
    expect(detailsComplete(everything, ["name-and-contact", "date-of-birth", "address"])).toBe(true);
  });

  it("shares exactly the details of the consented categories", () => {
    expect(detailsShared(everything, ["date-of-birth", "health"])).toEqual({ dateOfBirth: "1948-03-27" });
    expect(detailsShared(everything, ["address", "name-and-contact"])).toEqual({
      fullName: "Maija Meikäläinen",
      phone: "+358401234567",
      email: "maija@example.fi",
      streetAddress: "Koskenkatu 1",
      postcode: "33100",
    });
    expect(detailsShared(everything, [])).toEqual({});
  });

  it("replaces the categories asked now, a field left empty included, and keeps the others", () => {
    expect(detailsReplaced(everything, { fullName: "Maija M.", phone: "+358401112223" }, ["name-and-contact"])).toEqual({
      fullName: "Maija M.",
      phone: "+358401112223",
      dateOfBirth: "1948-03-27",
      streetAddress: "Koskenkatu 1",
      postcode: "33100",
    });
  });
});
