import type { LinkPurpose } from "#pathways/email-links.ts";
import { useScreeningText } from "#app/screening/text.ts";
import { PageTitle } from "./layout.tsx";
import { citizenPaths } from "#app/page-paths.ts";

/** An emailed link that opens nothing (spent, replaced, expired or never issued): why that happens, and the code that still works. */
export function LinkNotUsable({ purpose }: { purpose: LinkPurpose }) {
  const t = useScreeningText("followUp");
  return (
    <>
      <PageTitle title={t("linkPage.unusable.title")} />
      <h1 className="heading-l">{t("linkPage.unusable.title")}</h1>
      <p>{t("linkPage.unusable.intro")}</p>
      <ul className="list list--bullet">
        <li>{t("linkPage.unusable.reasons.used")}</li>
        <li>{t("linkPage.unusable.reasons.replaced")}</li>
        <li>{t("linkPage.unusable.reasons.expired")}</li>
      </ul>
      {purpose === "resume" ? (
        <p>
          {t("linkPage.unusable.resume")} <a href={citizenPaths.resume}>{t("linkPage.unusable.resumeLink")}</a>
        </p>
      ) : (
        <p>
          {t("linkPage.unusable.track")} <a href={citizenPaths.track}>{t("linkPage.unusable.trackLink")}</a>
        </p>
      )}
    </>
  );
}
