import { redirect } from "react-router";
import { extendSession } from "#app/screening.server.ts";
import type { Route } from "./+types/screening-extend";

export function loader() {
  throw redirect("/");
}

export async function action({ request }: Route.ActionArgs) {
  await extendSession(request);
  return new Response(null, { status: 204 });
}
