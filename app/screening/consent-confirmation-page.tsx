import { Panel } from "#app/components/content.tsx";
import { EmailLinkForm, emailLinkErrors, useEmailLinkChecks } from "#app/components/email-link-form.tsx";
import { ErrorSummary } from "#app/components/form.tsx";
import { PageTitle } from "#app/components/layout.tsx";
import type { ConfirmationPage } from "#app/consent.server.ts";
import { useScreeningText } from "#app/screening/text.ts";

/**
 * The reference number and access code, also for a person with nothing to consent to yet,
 * what happens next, and "Email me a link".
 */
export function ConsentConfirmationPage({ confirmed, staffActsFirst }: { confirmed: ConfirmationPage; staffActsFirst: boolean }) {
  const t = useScreeningText("consent");
  const text = useScreeningText();
  const emailText = useScreeningText("emailLink");
  const emailChecks = useEmailLinkChecks(confirmed.emailLink);
  const { reference, accessCode, referrals } = confirmed.confirmation;
  const title = referrals > 0 ? t("consent.confirmation.title") : t("consent.confirmation.referenceTitle");
  const errors = emailLinkErrors(emailChecks, emailText);
  return (
    <>
      <PageTitle title={title} hasErrors={errors.length > 0} />
      <ErrorSummary errors={errors} submission={emailChecks.attempt} />
      <Panel title={title}>
        {t("consent.confirmation.referenceIntro")}
        <br />
        <strong className="resume-code" data-testid="reference">
          {reference}
        </strong>
      </Panel>
      <p>
        {t("consent.confirmation.accessCodeIntro")} <strong className="resume-code" data-testid="access-code">{accessCode}</strong>
      </p>
      <p>{t("consent.confirmation.keepSafe")}</p>
      <h2 className="heading-m">{t("consent.confirmation.whatNext")}</h2>
      <ul className="list list--bullet">
        {referrals > 0 ? (
          <>
            <li>{t("consent.confirmation.next1")}</li>
            <li>{t("consent.confirmation.next2")}</li>
            <li>{t("consent.confirmation.next3")}</li>
          </>
        ) : (
          <>
            {staffActsFirst ? <li>{t("consent.confirmation.staffWillContact")}</li> : null}
            <li>{t("consent.confirmation.followWithReference")}</li>
          </>
        )}
      </ul>
      <EmailLinkForm lead={emailText("emailLink.trackLead")} result={confirmed.emailLink} keep={{ accessCode }} checks={emailChecks} />
      <p>
        <a href="/feedback">{text("links.feedback")}</a>
      </p>
    </>
  );
}
