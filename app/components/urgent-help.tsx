import { useScreeningText } from "#app/screening/text.ts";
import { PageTitle } from "./layout.tsx";

/** Emergency guidance for a person who disclosed danger, and the way on when they choose it. */
export function UrgentHelp({ continueTo, continueLabel }: { continueTo: string; continueLabel: string }) {
  const t = useScreeningText("urgentHelp");
  return (
    <>
      <PageTitle title={t("urgentHelp.title")} />
      <h1 className="heading-l">{t("urgentHelp.title")}</h1>
      <p className="lead">{t("urgentHelp.lead")}</p>
      <div className="warning-text">
        <span className="warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="warning-text__text">{t("urgentHelp.call112")}</strong>
      </div>
      <p>{t("urgentHelp.shelter")}</p>
      <p>{t("urgentHelp.socialServices")}</p>
      <a href={continueTo} className="button button--secondary" role="button" draggable="false">
        {continueLabel}
      </a>
    </>
  );
}
