import { createHmac } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";

const secret = "a-test-secret-that-is-long-enough-for-the-schema";
process.env.SESSION_SECRET = secret;
let signedCookie: typeof import("#app/session.server.ts").signedCookie;

beforeAll(async () => {
  ({ signedCookie } = await import("#app/session.server.ts"));
});

/** The `name=value` pair a browser would send back for a Set-Cookie header. */
const sentBack = (setCookie: string) => setCookie.split(";")[0]!;

/** The same signed value, sent back under another cookie's name (as anyone can copy a cookie's value). */
const renamed = (setCookie: string, name: string) => `${name}=${sentBack(setCookie).split("=").slice(1).join("=")}`;

/** A cookie value in React Router's format, for a given signed string. */
const encoded = (signed: string) => encodeURIComponent(btoa(JSON.stringify(signed)));

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

  it("refuses a value signed for another cookie, both ways, although the value is the same", async () => {
    const tracking = signedCookie("luukku_track", { path: "/track" });
    const flow = signedCookie("luukku_flow", { path: "/" });
    const trackingHeader = await tracking.serialize("case-7");
    const flowHeader = await flow.serialize("case-7");
    expect(await tracking.parse(sentBack(trackingHeader))).toBe("case-7");
    expect(await flow.parse(sentBack(flowHeader))).toBe("case-7");
    expect(await flow.parse(renamed(trackingHeader, "luukku_flow"))).toBeNull();
    expect(await tracking.parse(renamed(flowHeader, "luukku_track"))).toBeNull();
  });

  it("refuses a value signed with the bare secret, as every cookie was before keys per cookie", async () => {
    const flow = signedCookie("luukku_flow", { path: "/" });
    const bareSignature = createHmac("sha256", secret).update("case-7").digest("base64").replace(/=+$/, "");
    expect(await flow.parse(`luukku_flow=${encoded(`case-7.${bareSignature}`)}`)).toBeNull();
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
