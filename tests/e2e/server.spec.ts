import { expect, test } from "./fixtures.ts";
import { ownServerPorts, startServer } from "./own-server.ts";

test("the server logs each request by method, path and status, and nothing a person typed", async () => {
  test.setTimeout(90_000);
  const server = await startServer(ownServerPorts.logging);
  try {
    const { base } = server;
    const post = (path: string, body: string, cookie = "") =>
      fetch(`${base}${path}`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base, Cookie: cookie },
        body,
      });
    const cookie = (await post("/screening/start", "")).headers.get("set-cookie")!.split(";")[0]!;
    await post("/screening/help-for", "helpFor=self", cookie);
    await post("/screening/age", "age=97", cookie);
    await post("/screening/municipality", "municipality=koskela", cookie);
    await fetch(`${base}/services?q=velkaneuvonta%20salaisuus&municipality=koskela`);
    await post("/screening/resume", "code=SECR-ETCO-DE99");
    await post("/track", "reference=LK-SECR-ET99&accessCode=HIDD-ENCO-DE99");
    // Emailed links carry their secret in the path: the log shows where, never the token.
    await fetch(`${base}/screening/resume/link/Tok3nInTheResumeLink_0`, { redirect: "manual" });
    await fetch(`${base}/track/link/Tok3nInTheTrackLink-00`, { redirect: "manual" });

    // Each line is written once its response has finished: wait for the last request's.
    await expect.poll(() => server.output()).toMatch(/GET \/track\/link\/\[token\] 404/);
    const log = server.output();
    expect(log).toMatch(/POST \/screening\/age 302/);
    expect(log).toMatch(/GET \/services 200/);
    expect(log).toMatch(/GET \/screening\/resume\/link\/\[token\] 404/);
    for (const typed of ["97", "koskela", "velkaneuvonta", "salaisuus", "SECR", "HIDD", "LK-", "luukku_flow", cookie.split("=")[1]!, "Tok3n"]) {
      expect(log, typed).not.toContain(typed);
    }
  } finally {
    server.stop();
  }
});

test("the server stops cleanly on SIGTERM, as a container platform stops it", async () => {
  test.setTimeout(90_000);
  const server = await startServer(ownServerPorts.stopping);
  try {
    // A keep-alive connection left open must not hold the stop.
    await fetch(`${server.base}/accessibility`, { headers: { Connection: "keep-alive" } });
    const signalled = Date.now();
    server.terminate();
    expect(await server.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(5_000);
    expect(server.output()).toContain("SIGTERM: finishing open requests, then stopping.");
    // Without SMTP the operator is told at start where the emails go instead.
    expect(server.output()).toContain("No SMTP_URL: emailed links are written to");
    await expect(fetch(`${server.base}/healthz`)).rejects.toThrow();
  } finally {
    server.stop();
  }
});
