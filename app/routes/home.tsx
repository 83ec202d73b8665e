import { StartScreening } from "#app/components/start-screening.tsx";
import { useNamespaceText } from "#app/i18n/use-namespace-text.ts";
import { PageTitle } from "#app/components/layout.tsx";
import type { NamespacesHandle } from "#app/i18n/client-resources.ts";
import { citizenPaths } from "#app/page-paths.ts";

export const handle: NamespacesHandle = { i18n: ["start", "screening"] };

/** The start page (GOV.UK pattern): what the service does, what it asks, how data is used, Start. */
export default function Start() {
  const t = useNamespaceText("start");
  const text = useNamespaceText("screening");
  return (
    <>
      <PageTitle title={t("start.title")} />
      <h1 className="heading-xl">{t("start.title")}</h1>
      <p className="lead">{t("start.lead")}</p>
      <p>{t("start.whatItDoes")}</p>
      <p>{t("start.howLong")}</p>
      <p>{t("start.whatWeAsk")}</p>
      <ul className="list list--bullet">
        {(["situation", "health", "family", "work", "money", "safety"] as const).map((topic) => (
          <li key={topic}>{t(`start.whatWeAskList.${topic}`)}</li>
        ))}
      </ul>
      <p>
        {t("start.dataUse")} <a href="/privacy">{t("start.privacyLink")}</a>
      </p>
      <StartScreening prominent>{t("start.startButton")}</StartScreening>
      <ul className="list">
        <li>
          <a href={citizenPaths.resume}>{text("links.resume")}</a>
        </li>
        <li>
          <a href={citizenPaths.track}>{text("links.track")}</a>
        </li>
        <li>
          <a href="/services">{text("searchInstead")}</a>
        </li>
      </ul>
      <section className="emergency" aria-labelledby="emergency-title">
        <h2 className="heading-m" id="emergency-title">
          {t("start.emergencyTitle")}
        </h2>
        <ul className="list list--bullet">
          <li>{t("start.emergency112")}</li>
          <li>{t("start.emergencyCrisis")}</li>
          <li>{t("start.emergencyChild")}</li>
        </ul>
      </section>
    </>
  );
}
