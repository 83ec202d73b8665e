import { useNamespaceText } from "#app/i18n/use-namespace-text.ts";
import { InsetText } from "#app/components/content.tsx";
import { PageTitle } from "#app/components/layout.tsx";
import type { NamespacesHandle } from "#app/i18n/client-resources.ts";

export const handle: NamespacesHandle = { i18n: ["help"] };

/**
 * Whom to contact, honestly for a demonstration: the region's contacts are invented, so the
 * page says so first, and offers what does work (the feedback form, the real 112).
 */
export default function Contact() {
  const t = useNamespaceText("help");
  return (
    <>
      <PageTitle title={t("contact.title")} />
      <h1 className="heading-l">{t("contact.title")}</h1>
      <InsetText>
        <p>{t("contact.demo")}</p>
      </InsetText>
      <h2 className="heading-m">{t("contact.servicesHeading")}</h2>
      <p>{t("contact.services")}</p>
      <h2 className="heading-m">{t("contact.feedbackHeading")}</h2>
      <p>{t("contact.feedback")}</p>
      <ul className="list">
        <li>
          <a href="/feedback">{t("contact.feedbackLink")}</a>
        </li>
        <li>
          <a href="/help">{t("contact.helpLink")}</a>
        </li>
      </ul>
      <h2 className="heading-m">{t("contact.urgentHeading")}</h2>
      <p>{t("contact.urgent")}</p>
    </>
  );
}
