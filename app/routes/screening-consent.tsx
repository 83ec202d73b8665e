import { data, Form } from "react-router";
import { emailTrackingLink, giveConsent, loadConsentPage } from "#app/consent.server.ts";
import { ForWhom, Localized, Panel } from "#app/components/content.tsx";
import { EmailLinkForm, emailLinkErrors, useEmailLinkChecks } from "#app/components/email-link-form.tsx";
import { useFormChecks } from "#app/components/use-form-checks.ts";
import { checkConsentForm } from "#app/consent-form.ts";
import { Button, ErrorSummary, ErrorMessage } from "#app/components/form.tsx";
import { PageTitle } from "#app/components/layout.tsx";
import { formatList } from "#app/format.ts";
import { getLanguage } from "#app/i18n/i18n.server.ts";
import { useScreeningText } from "#app/screening/text.ts";
import type { NamespacesHandle } from "#app/i18n/client-resources.ts";
import type { Route } from "./+types/screening-consent";

export const handle: NamespacesHandle = { i18n: ["consent", "screening", "emailLink"] };

export async function loader({ request, context }: Route.LoaderArgs) {
  const language = getLanguage(context);
  return { ...(await loadConsentPage(request, language)), language };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const intent = form.get("intent");
  const result = intent === "email" || intent === "emailStatus" ? await emailTrackingLink(request, form, getLanguage(context)) : await giveConsent(request, form);
  const failed = "error" in result || (result.emailLink !== undefined && "error" in result.emailLink);
  return data(result, { status: failed ? 400 : 200 });
}

/**
 * Consent per provider, unticked by default, showing exactly what each would receive;
 * what staff do first where a pathway waits for them; then the confirmation with the
 * reference number, also for a person with nothing to consent to yet.
 */
export default function Consent({ loaderData, actionData }: Route.ComponentProps) {
  const t = useScreeningText("consent");
  const text = useScreeningText();
  const emailText = useScreeningText("emailLink");
  const confirmed = actionData && "confirmation" in actionData ? actionData : undefined;
  const emailChecks = useEmailLinkChecks(confirmed?.emailLink);
  const consentChecks = useFormChecks(actionData, actionData && "error" in actionData ? { services: actionData.error } : {}, checkConsentForm);
  const { services, keyWorkerFirst, assessmentFirst, forWhomWords, hasReference, language } = loaderData;
  if (confirmed) {
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
              {keyWorkerFirst.length + assessmentFirst.length > 0 ? <li>{t("consent.confirmation.staffWillContact")}</li> : null}
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
  const error = consentChecks.errors.services ? t(consentChecks.errors.services) : undefined;
  /** What staff do first (a key worker, an assessment), and the services that wait for it. */
  const staffStep = (step: "keyWorkerFirst" | "assessmentFirst", summaries: typeof keyWorkerFirst) =>
    summaries.length > 0 ? (
      <section aria-labelledby={step}>
        <h2 className="heading-m" id={step}>
          {t(`consent.${step}.title`)}
        </h2>
        <p>{t(`consent.${step}.body`)}</p>
        <ul className="list list--bullet">
          {summaries.map(({ summary, forWhom }) => (
            <li key={summary.id}>
              <Localized value={summary.name} pageLanguage={language} /> <ForWhom keys={forWhom} words={forWhomWords} />
            </li>
          ))}
        </ul>
      </section>
    ) : null;
  const staffFirst = (
    <>
      {staffStep("keyWorkerFirst", keyWorkerFirst)}
      {staffStep("assessmentFirst", assessmentFirst)}
    </>
  );
  if (services.length === 0) {
    const staffActsFirst = keyWorkerFirst.length + assessmentFirst.length > 0;
    return (
      <>
        <PageTitle title={t("consent.nothingToSendTitle")} />
        <h1 className="heading-l">{t("consent.nothingToSendTitle")}</h1>
        {staffActsFirst ? staffFirst : <p>{t("consent.noReferralNeeded")}</p>}
        {hasReference ? (
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
  return (
    <>
      <PageTitle title={t("consent.title")} hasErrors={Boolean(error)} />
      <ErrorSummary errors={error ? [{ fieldId: "consent-services", message: error }] : []} submission={consentChecks.attempt} />
      <h1 className="heading-l">{t("consent.title")}</h1>
      <Form method="post" {...consentChecks.formProps}>
        <div className={error ? "form-group form-group--error" : "form-group"}>
          <fieldset className="fieldset" aria-describedby={error ? "consent-services-error" : "consent-hint"}>
            <legend className="fieldset__legend">{t("consent.lead")}</legend>
            {error ? <ErrorMessage id="consent-services-error">{error}</ErrorMessage> : null}
            <div className="checkboxes">
              {services.map(({ summary, dataCategories, forWhom }, index) => (
                <div className="checkboxes__item" key={summary.id}>
                  <input
                    className="checkboxes__input"
                    id={index === 0 ? "consent-services" : `consent-services-${index + 1}`}
                    name="services"
                    type="checkbox"
                    value={summary.id}
                    aria-describedby={`consent-data-${summary.id}`}
                  />
                  <label className="checkboxes__label" htmlFor={index === 0 ? "consent-services" : `consent-services-${index + 1}`}>
                    {t("consent.agree", { provider: summary.provider.name.text, service: summary.name.text })}
                  </label>
                  <div id={`consent-data-${summary.id}`} className="hint checkboxes__hint">
                    <ForWhom keys={forWhom} words={forWhomWords} />
                    {t("consent.willReceive")}{" "}
                    {formatList(dataCategories.map((category) => t(`consent.dataCategories.${category}`)), language)}
                  </div>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <p id="consent-hint">{t("consent.withdrawLater")}</p>
        <Button>{t("consent.submit")}</Button>
      </Form>
      {staffFirst}
    </>
  );
}
