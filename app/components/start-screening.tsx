import type { ReactNode } from "react";
import { Form } from "react-router";
import { citizenPaths } from "#app/page-paths.ts";

/** The button that starts a new screening (a POST: starting one creates a flow, and is rate-limited). */
export function StartScreening({ children, prominent = false }: { children: ReactNode; prominent?: boolean }) {
  return (
    <Form method="post" action={citizenPaths.startScreening}>
      <button type="submit" className={prominent ? "button button--start" : "button"}>
        {children}
      </button>
    </Form>
  );
}
