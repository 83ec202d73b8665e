import { redirect } from "react-router";
import { startScreening } from "#app/screening.server.ts";
import { getLanguage } from "#app/i18n/i18n.server.ts";
import type { Route } from "./+types/screening-start";

/** Starting is a POST (it creates a flow); a GET lands on the start page. */
export function loader() {
  throw redirect("/");
}

export async function action({ context }: Route.ActionArgs) {
  return startScreening(getLanguage(context));
}
