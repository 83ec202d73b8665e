import { describe, expect, it } from "vitest";
import { toFtsQuery } from "#db/catalogue-search.ts";

describe("toFtsQuery", () => {
  it("turns words into quoted prefix terms", () => {
    expect(toFtsQuery("home care")).toBe('"home"* "care"*');
  });

  it("keeps Finnish and Swedish letters and lower-cases them", () => {
    expect(toFtsQuery("Kotihoito Äänekoski Åbo")).toBe('"kotihoito"* "äänekoski"* "åbo"*');
  });

  it.each([
    ['"unterminated', '"unterminated"*'],
    ["name:care", '"name"* "care"*'],
    ["care NEAR/2 home", '"care"* "near"* "2"* "home"*'],
    ["care OR home NOT x", '"care"* "or"* "home"* "not"* "x"*'],
    ["'; DROP TABLE service; --", '"drop"* "table"* "service"*'],
    ["<script>alert(1)</script>", '"script"* "alert"* "1"*'],
    ["debt ^ * ( ) {}", '"debt"*'],
  ])("neutralises FTS5 syntax in %j", (input, expected) => {
    expect(toFtsQuery(input)).toBe(expected);
  });

  it("drops emoji and punctuation, and returns null when nothing searchable is left", () => {
    expect(toFtsQuery("🏠 help 🙂")).toBe('"help"*');
    expect(toFtsQuery("🏠🙂 !!! ***")).toBeNull();
    expect(toFtsQuery("")).toBeNull();
  });

  it("bounds the query for 10 kB of text", () => {
    const query = toFtsQuery("word ".repeat(2000) + "x".repeat(10_000) + " other terms here");
    expect(query).not.toBeNull();
    expect(query!.length).toBeLessThan(1000);
  });

  it("repeats no term", () => {
    expect(toFtsQuery("care care CARE")).toBe('"care"*');
  });
});
