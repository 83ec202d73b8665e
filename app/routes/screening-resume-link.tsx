import { resumeWithLink } from "#app/screening.server.ts";
import type { Route } from "./+types/screening-resume-link";

/** An emailed link to saved answers: opens them like the code does, or the root error boundary explains the 404. */
export async function loader({ params }: Route.LoaderArgs) {
  return resumeWithLink(params.token);
}

export default function ResumeLink() {
  return null;
}
