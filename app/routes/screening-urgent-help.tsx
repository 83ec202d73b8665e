import { loadUrgentHelp } from "#app/screening.server.ts";
import { UrgentHelp } from "#app/components/urgent-help.tsx";
import { chosenPackagePath, citizenPlace, screeningPagePath } from "#app/page-paths.ts";
import { useScreeningText } from "#app/screening/text.ts";
import type { NamespacesHandle } from "#app/i18n/client-resources.ts";
import type { Route } from "./+types/screening-urgent-help";

export const handle: NamespacesHandle = { i18n: ["screening", "urgentHelp"] };

export async function loader({ request }: Route.LoaderArgs) {
  return loadUrgentHelp(request);
}

/** Shown first when a person discloses danger, before any further question. */
export default function UrgentHelpPage({ loaderData }: Route.ComponentProps) {
  const t = useScreeningText("urgentHelp");
  const toPackage = loaderData.continueTo === "complete";
  return (
    <UrgentHelp
      continueTo={toPackage ? chosenPackagePath(citizenPlace) : screeningPagePath(loaderData.continueTo, citizenPlace)}
      continueLabel={toPackage ? t("urgentHelp.showPackage") : t("urgentHelp.continue")}
    />
  );
}
