import { redirect } from "react-router";
import { exitRoute, neutralSite } from "#app/components/quick-exit.tsx";
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
 * A resource route, which React Router's Origin check does not cover: a post from another
 * site changes nothing, but still leads on to the neutral site. Whatever fails, the
 * person still leaves.
 */
export async function action({ request }: Route.ActionArgs) {
  const headers = new Headers();
  if (fromThisSite(request)) {
    try {
      await endSession(request);
    } catch (error) {
      console.error(`${exitRoute}: the session could not be ended (${error instanceof Error ? error.message : String(error)})`);
    }
    headers.append("Set-Cookie", await flowCookie.clear());
    headers.append("Set-Cookie", await stopFollowingCase());
  }
  return redirect(neutralSite, { status: 303, headers });
}

/** The rule React Router applies to its own actions: an Origin header, when sent, must be this site's. */
function fromThisSite(request: Request): boolean {
  const origin = request.headers.get("Origin");
  if (origin === null) return true;
  try {
    return new URL(origin).origin === new URL(request.url).origin;
  } catch {
    return false;
  }
}
