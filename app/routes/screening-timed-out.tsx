import { StartScreening } from "#app/components/start-screening.tsx";
import { PageTitle } from "#app/components/layout.tsx";
import { useScreeningText } from "#app/screening/text.ts";
import type { NamespacesHandle } from "#app/i18n/client-resources.ts";
import { citizenPaths } from "#app/page-paths.ts";

export const handle: NamespacesHandle = { i18n: ["screening"] };

export default function TimedOut() {
  const t = useScreeningText();
  return (
    <>
      <PageTitle title={t("timeout.timedOutTitle")} />
      <h1 className="heading-l">{t("timeout.timedOutTitle")}</h1>
      <p>{t("timeout.timedOutBody")}</p>
      <StartScreening>{t("timeout.startAgain")}</StartScreening>
      {/* The ways back: saved answers with their code, a finished screening's referrals with the reference number. */}
      <ul className="list">
        <li>
          <a href={citizenPaths.resume}>{t("links.resume")}</a>
        </li>
        <li>
          <a href={citizenPaths.track}>{t("links.track")}</a>
        </li>
      </ul>
    </>
  );
}
