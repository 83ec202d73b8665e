import { followWithLink } from "#app/tracking.server.ts";
import type { Route } from "./+types/track-link";

/** An emailed link to follow a case: opens it like the reference and access code do, or the root error boundary shows the 404. */
export async function loader({ params }: Route.LoaderArgs) {
  return followWithLink(params.token);
}

export default function TrackLink() {
  return null;
}
