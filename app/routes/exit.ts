import { redirect } from "react-router";
import { neutralSite } from "#app/components/quick-exit.tsx";
import { citizenPaths } from "#app/page-paths.ts";
import { endSession } from "#app/screening.server.ts";
import { flowCookie } from "#app/session.server.ts";
import { stopFollowingCase } from "#app/tracking.server.ts";
import type { Route } from "./+types/exit";

/** Nothing changes on a GET: it only goes to the neutral site. */
export function loader() {
  return redirect(neutralSite);
}

/**
 * Exit this page: ends the screening's session on the server, removes this browser's
 * flow and tracking cookies, and goes to the neutral site (303, so the browser GETs it).
 * Posts from other sites never reach it (the server's Origin check, ADR 008). Whatever
 * fails, the person still leaves.
 */
export async function action({ request }: Route.ActionArgs) {
  const headers = new Headers();
  try {
    await endSession(request);
  } catch (error) {
    console.error(`${citizenPaths.exit}: the session could not be ended (${error instanceof Error ? error.message : String(error)})`);
  }
  headers.append("Set-Cookie", await flowCookie.clear());
  headers.append("Set-Cookie", await stopFollowingCase());
  return redirect(neutralSite, { status: 303, headers });
}
