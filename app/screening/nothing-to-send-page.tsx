import { Form } from "react-router";
import { Button } from "#app/components/form.tsx";
import { PageTitle } from "#app/components/layout.tsx";
import type { loadConsentPage } from "#app/consent.server.ts";
import { StaffActsFirst } from "#app/screening/staff-acts-first.tsx";
import { useScreeningText } from "#app/screening/text.ts";
import type { Language } from "#pathways/i18n.ts";

/**
 * Nothing to consent to yet: what staff do first, if anything, and a reference number to
 * follow the case by, unless the person already has one.
 */
export function NothingToSendPage({
  page,
  staffActsFirst,
}: {
  page: Awaited<ReturnType<typeof loadConsentPage>> & { language: Language };
  staffActsFirst: boolean;
}) {
  const t = useScreeningText("consent");
  return (
    <>
      <PageTitle title={t("consent.nothingToSendTitle")} />
      <h1 className="heading-l">{t("consent.nothingToSendTitle")}</h1>
      {staffActsFirst ? <StaffActsFirst page={page} /> : <p>{t("consent.noReferralNeeded")}</p>}
      {page.hasReference ? (
        <p className="inset-text">{t("consent.alreadyHaveReference")}</p>
      ) : (
        <Form method="post">
          <p>{t("consent.getReferenceHint")}</p>
          <Button>{t("consent.getReference")}</Button>
        </Form>
      )}
    </>
  );
}
