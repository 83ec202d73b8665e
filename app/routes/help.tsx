import { useNamespaceText } from "#app/i18n/use-namespace-text.ts";
import { PageTitle } from "#app/components/layout.tsx";
import type { NamespacesHandle } from "#app/i18n/client-resources.ts";
import { citizenPaths } from "#app/page-paths.ts";

export const handle: NamespacesHandle = { i18n: ["help"] };

/** How Luukku works, for someone finding their way: what each part does and where it is. */
export default function Help() {
  const t = useNamespaceText("help");
  return (
    <>
      <PageTitle title={t("help.title")} />
      <h1 className="heading-l">{t("help.title")}</h1>
      <p className="lead">{t("help.intro")}</p>
      <h2 className="heading-m">{t("help.findHeading")}</h2>
      <p>{t("help.find")}</p>
      <p>
        <a href="/services">{t("help.findLink")}</a>
      </p>
      <h2 className="heading-m">{t("help.questionsHeading")}</h2>
      <p>{t("help.questions")}</p>
      <p>
        <a href="/">{t("help.startLink")}</a>
      </p>
      <h2 className="heading-m">{t("help.saveHeading")}</h2>
      <p>{t("help.save")}</p>
      <h2 className="heading-m">{t("help.referralsHeading")}</h2>
      <p>{t("help.referrals")}</p>
      <h2 className="heading-m">{t("help.trackHeading")}</h2>
      <p>{t("help.track")}</p>
      <p>
        <a href={citizenPaths.track}>{t("help.trackLink")}</a>
      </p>
      <h2 className="heading-m">{t("help.urgentHeading")}</h2>
      <p>{t("help.urgent")}</p>
      <p>
        <a href="/contact">{t("help.contactLink")}</a>
      </p>
    </>
  );
}
