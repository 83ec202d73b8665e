import { StartScreening } from "./start-screening.tsx";
import { useScreeningText } from "#app/screening/text.ts";
import { PageTitle } from "./layout.tsx";
import { citizenPaths } from "#app/page-paths.ts";

/** The 404 for a flow cookie that names no screening we hold: why it happens and the ways on. */
export function FlowNotFound() {
  const t = useScreeningText();
  return (
    <>
      <PageTitle title={t("flowNotFound.title")} />
      <h1 className="heading-l">{t("flowNotFound.title")}</h1>
      <p>{t("flowNotFound.intro")}</p>
      <ul className="list list--bullet">
        <li>{t("flowNotFound.reasons.otherBrowser")}</li>
        <li>{t("flowNotFound.reasons.deleted")}</li>
        <li>{t("flowNotFound.reasons.changed")}</li>
      </ul>
      <p>
        {t("flowNotFound.resume")} <a href={citizenPaths.resume}>{t("links.resume")}</a>
      </p>
      <StartScreening>{t("flowNotFound.startAgain")}</StartScreening>
    </>
  );
}
