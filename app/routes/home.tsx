import { useTranslation } from "react-i18next";
import { PageTitle } from "#app/components/layout.tsx";

export default function Home() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t("home.title")} />
      <h1 className="heading-xl">{t("home.title")}</h1>
      <p className="lead">{t("home.lead")}</p>
      <p>{t("home.what")}</p>
      <a href="/services" className="button button--start" role="button" draggable="false">
        {t("home.findServices")}
      </a>
      <div className="warning-text">
        <span className="warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="warning-text__text">
          <span className="visually-hidden">{t("home.warning")}: </span>
          {t("home.emergency")}
        </strong>
      </div>
    </>
  );
}
