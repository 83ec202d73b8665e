import { Form } from "react-router";
import { ForWhom } from "#app/components/content.tsx";
import { Button, ErrorMessage, ErrorSummary } from "#app/components/form.tsx";
import { PageTitle } from "#app/components/layout.tsx";
import { useFormChecks } from "#app/components/use-form-checks.ts";
import { checkConsentForm } from "#app/consent-form.ts";
import type { loadConsentPage } from "#app/consent.server.ts";
import { formatList } from "#app/format.ts";
import { StaffActsFirst } from "#app/screening/staff-acts-first.tsx";
import { useScreeningText } from "#app/screening/text.ts";
import type { Language } from "#pathways/i18n.ts";

/**
 * Consent per provider, unticked by default, showing exactly what each would receive;
 * then what staff do first where a pathway waits for them.
 */
export function ConsentFormPage({
  page,
  reply,
}: {
  page: Awaited<ReturnType<typeof loadConsentPage>> & { language: Language };
  /** The server's answer to the last submission, with the error it found if any. */
  reply: { error: string } | undefined;
}) {
  const t = useScreeningText("consent");
  const consentChecks = useFormChecks(reply, reply ? { services: reply.error } : {}, checkConsentForm);
  const { services, forWhomWords, language } = page;
  const error = consentChecks.errors.services ? t(consentChecks.errors.services) : undefined;
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
      <StaffActsFirst page={page} />
    </>
  );
}
