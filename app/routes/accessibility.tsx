import { useNamespaceText } from "#app/i18n/use-namespace-text.ts";
import { PageTitle } from "#app/components/layout.tsx";

export default function AccessibilityStatement() {
  const t = useNamespaceText("common");
  return (
    <>
      <PageTitle title={t("accessibility.title")} />
      <h1 className="heading-l">{t("accessibility.title")}</h1>
      <p>{t("accessibility.intro")}</p>
      <h2 className="heading-m">{t("accessibility.complianceHeading")}</h2>
      <p>{t("accessibility.compliance")}</p>
      <h2 className="heading-m">{t("accessibility.howHeading")}</h2>
      <ul className="list list--bullet">
        <li>{t("accessibility.howKeyboard")}</li>
        <li>{t("accessibility.howZoom")}</li>
        <li>{t("accessibility.howScreenReader")}</li>
        <li>{t("accessibility.howNoJavaScript")}</li>
      </ul>
      <h2 className="heading-m">{t("accessibility.testingHeading")}</h2>
      <p>{t("accessibility.testing")}</p>
      <h2 className="heading-m">{t("accessibility.feedbackHeading")}</h2>
      <p>{t("accessibility.feedback")}</p>
      <p>{t("accessibility.enforcement")}</p>
    </>
  );
}
