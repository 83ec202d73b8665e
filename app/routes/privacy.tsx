import { useNamespaceText } from "#app/i18n/use-namespace-text.ts";
import { PageTitle } from "#app/components/layout.tsx";
import type { NamespacesHandle } from "#app/i18n/client-resources.ts";

export const handle: NamespacesHandle = { i18n: ["privacy"] };

export default function Privacy() {
  const t = useNamespaceText("privacy");
  return (
    <>
      <PageTitle title={t("privacy.title")} />
      <h1 className="heading-l">{t("privacy.title")}</h1>
      <p className="lead">{t("privacy.intro")}</p>
      <p>{t("privacy.kept")}</p>
      <p>{t("privacy.shared")}</p>
      <p>{t("privacy.details")}</p>
      <p>{t("privacy.rights")}</p>
      <p>{t("privacy.controller")}</p>
    </>
  );
}
