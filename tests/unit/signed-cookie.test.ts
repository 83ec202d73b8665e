import { beforeAll, describe, expect, it, vi } from "vitest";

process.env.SESSION_SECRET = "a-test-secret-that-is-long-enough-for-the-schema";
let signedCookie: typeof import("#app/session.server.ts").signedCookie;

beforeAll(async () => {
  ({ signedCookie } = await import("#app/session.server.ts"));
});

/** The `name=value` pair a browser would send back for a Set-Cookie header. */
const sentBack = (setCookie: string) => setCookie.split(";")[0]!;

describe("signedCookie", () => {
  it("gives back the value it signed", async () => {
    const cookie = signedCookie("luukku_test", { path: "/" });
    expect(await cookie.parse(sentBack(await cookie.serialize("flow-7")))).toBe("flow-7");
  });

  it("refuses a cookie whose value or signature was altered", async () => {
    const cookie = signedCookie("luukku_test", { path: "/" });
    const header = sentBack(await cookie.serialize("flow-7"));
    const [name, encoded] = header.split("=") as [string, string];
    const signed = JSON.parse(atob(decodeURIComponent(encoded))) as string;
    const resent = (value: string) => `${name}=${encodeURIComponent(btoa(JSON.stringify(value)))}`;
    expect(await cookie.parse(resent(signed))).toBe("flow-7");
    expect(await cookie.parse(resent(signed.replace("flow-7", "flow-8")))).toBeNull();
    expect(await cookie.parse(resent(`${signed.slice(0, -2)}AA`))).toBeNull();
    expect(await cookie.parse(resent("flow-7"))).toBeNull();
    expect(await cookie.parse(resent(`.${signed.split(".")[1]}`))).toBeNull();
  });

  it("refuses a cookie signed with another secret and reads nothing from a missing one", async () => {
    const cookie = signedCookie("luukku_test", { path: "/" });
    const header = sentBack(await cookie.serialize("flow-7"));
    process.env.SESSION_SECRET = "another-secret-that-is-also-long-enough-here";
    vi.resetModules();
    const other = (await import("#app/session.server.ts")).signedCookie("luukku_test", { path: "/" });
    expect(await other.parse(header)).toBeNull();
    expect(await cookie.parse(null)).toBeNull();
    expect(await cookie.parse("other=1")).toBeNull();
  });
});
