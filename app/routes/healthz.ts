import { checkDatabase } from "#app/db.server.ts";

/** For load balancers and monitoring: 200 when the database answers, 503 when it does not. */
export function loader() {
  const databaseUp = checkDatabase();
  return Response.json(
    { status: databaseUp ? "ok" : "unavailable", database: databaseUp ? "ok" : "unavailable" },
    { status: databaseUp ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
