import { createServer, request as forward, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./fixtures.ts";
import { ownServerPorts, stackFrame, startServer } from "./own-server.ts";

/**
 * The built server behind a TLS-terminating reverse proxy, as production runs it: the
 * proxy (written here) connects from its own address, 127.0.0.2, keeps the public Host,
 * says the visitor came over https and appends the visitor's address to X-Forwarded-For.
 * The test names the visitor's address in a header the proxy takes off, so that two
 * visitors can be told apart on one machine.
 */
const publicOrigin = "https://luukku.example";
const proxyAddress = "127.0.0.2";
const visitorHeader = "x-test-visitor-address";

test.describe.configure({ mode: "serial" });

let server: Awaited<ReturnType<typeof startServer>>;
let proxy: Server;
let proxyBase = "";

test.beforeAll(async () => {
  test.setTimeout(90_000);
  server = await startServer(ownServerPorts.behindProxy, { TRUST_PROXY: proxyAddress, PUBLIC_URL: publicOrigin, RATE_LIMIT_SCALE: "1" });
  const upstream = new URL(server.base);
  proxy = createServer((incoming, outgoing) => {
    const { [visitorHeader]: visitor, ...headers } = incoming.headers;
    const forwardedFor = [headers["x-forwarded-for"], visitor ?? incoming.socket.remoteAddress].filter(Boolean).join(", ");
    const toServer = forward(
      {
        host: "127.0.0.1",
        port: upstream.port,
        localAddress: proxyAddress,
        method: incoming.method,
        path: incoming.url,
        headers: { ...headers, host: new URL(publicOrigin).host, "x-forwarded-for": forwardedFor, "x-forwarded-proto": "https" },
      },
      (fromServer) => {
        outgoing.writeHead(fromServer.statusCode!, fromServer.headers);
        fromServer.pipe(outgoing);
      },
    );
    toServer.on("error", () => outgoing.destroy());
    incoming.pipe(toServer);
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  proxyBase = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
test.afterAll(() => {
  proxy?.close();
  server?.stop();
});
test.afterEach(() => {
  expect(server.output(), "the server's output").not.toMatch(stackFrame);
});

const formType = { "Content-Type": "application/x-www-form-urlencoded" };
const throughProxy = (path: string, { visitor, headers = {}, body }: { visitor: string; headers?: Record<string, string>; body?: string }) =>
  fetch(`${proxyBase}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: publicOrigin, "Accept-Language": "en", ...formType, [visitorHeader]: visitor, ...headers },
    body,
  });

test("a form post from the public https origin is accepted; one from elsewhere is refused", async () => {
  const started = await throughProxy("/screening/start", { visitor: "198.51.100.1" });
  expect(started.status).toBe(302);
  const setCookie = started.headers.get("set-cookie")!;
  expect(setCookie).toContain("Secure");
  const cookie = setCookie.split(";")[0]!;
  // A page's action: React Router's own Origin check must agree with ours.
  const answered = await throughProxy("/screening/help-for", { visitor: "198.51.100.1", headers: { Cookie: cookie }, body: "helpFor=self" });
  expect(answered.status).toBe(302);
  expect(answered.headers.get("location")).toBe("/screening/age");

  for (const origin of ["https://elsewhere.example", "http://luukku.example", server.base]) {
    for (const path of ["/screening/start", "/screening/help-for"]) {
      const refused = await throughProxy(path, { visitor: "198.51.100.1", headers: { Cookie: cookie, Origin: origin }, body: "helpFor=self" });
      expect(refused.status, `${origin} to ${path}`).toBe(403);
    }
  }
});

test("each visitor behind the proxy has a rate-limit bucket of its own; a forged X-Forwarded-For is ignored", async () => {
  const tryCode = (visitor: string, headers: Record<string, string> = {}) =>
    throughProxy("/track", { visitor, headers, body: "reference=LK-AAAA-BBBB&accessCode=AAAA-BBBB-CCCC" }).then((response) => response.status);
  const first = "198.51.100.10";
  for (let attempt = 1; attempt <= 10; attempt += 1) expect(await tryCode(first), `try ${attempt}`).toBe(400);
  expect(await tryCode(first)).toBe(429);
  // Forged by the visitor: the proxy appends the real address after it, and only that one is believed.
  expect(await tryCode(first, { "X-Forwarded-For": "203.0.113.99" })).toBe(429);
  expect(await tryCode("198.51.100.11")).toBe(400);

  // A client reaching the server directly is not the proxy: what it says about itself is ignored.
  const direct = (forged: string) =>
    fetch(`${server.base}/track`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: server.base, ...formType, "X-Forwarded-For": forged },
      body: "reference=LK-AAAA-BBBB&accessCode=AAAA-BBBB-CCCC",
    }).then((response) => response.status);
  for (let attempt = 1; attempt <= 10; attempt += 1) expect(await direct(`203.0.113.${attempt}`), `direct try ${attempt}`).toBe(400);
  expect(await direct("203.0.113.200")).toBe(429);
});
