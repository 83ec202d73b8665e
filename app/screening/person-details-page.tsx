import { Form } from "react-router";
import { Button, ErrorMessage, ErrorSummary, TextInput } from "#app/components/form.tsx";
import { PageTitle } from "#app/components/layout.tsx";
import type { DetailsPage } from "#app/consent.server.ts";
import { formatList } from "#app/format.ts";
import { useScreeningText } from "#app/screening/text.ts";
import { usePageLanguage } from "#app/i18n/use-namespace-text.ts";
import { citizenPaths } from "#app/page-paths.ts";
import type { AskedCategory } from "#pathways/personal-data.ts";

/** Which field each message's link in the error summary goes to. */
const fieldIds = {
  fullName: "details-fullName",
  phone: "details-phone",
  email: "details-email",
  dateOfBirth: "details-dobDay",
  streetAddress: "details-streetAddress",
  postcode: "details-postcode",
} as const;

/**
 * The details the chosen services need before the referrals are sent (issue 13): one
 * section per category asked, each saying which services would receive it and why. The
 * choice of services goes with the form as hidden fields. Checked on the server.
 */
export function PersonDetailsPage({ page }: { page: DetailsPage["details"] }) {
  const t = useScreeningText("consent");
  const language = usePageLanguage();
  const { ask, receivers, values, errors, services, municipality } = page;
  const message = (field: keyof typeof fieldIds) => (errors[field] ? t(`consent.${errors[field]}` as "consent.details.errors.required") : undefined);
  const summary = (Object.keys(fieldIds) as (keyof typeof fieldIds)[]).flatMap((field) => (errors[field] ? [{ fieldId: fieldIds[field], message: message(field)! }] : []));
  const receivedBy = (category: AskedCategory) => (
    <p className="hint" id={`details-${category}-receivers`}>
      {t(`consent.details.why.${category}`)} {t("consent.details.sentTo", { services: formatList(receivers[category] ?? [], language) })}
    </p>
  );
  const dateError = message("dateOfBirth");
  return (
    <>
      <PageTitle title={t("consent.details.title")} hasErrors={summary.length > 0} />
      <ErrorSummary errors={summary} submission={page} />
      <h1 className="heading-l">{t("consent.details.title")}</h1>
      <p>{t("consent.details.lead")}</p>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="details" />
        {services.map((id) => (
          <input key={id} type="hidden" name="services" value={id} />
        ))}
        {ask.includes("name-and-contact") ? (
          <fieldset className="fieldset" aria-describedby="details-name-and-contact-receivers">
            <legend className="fieldset__legend fieldset__legend--m">{t("consent.details.nameAndContact")}</legend>
            {receivedBy("name-and-contact")}
            <TextInput id={fieldIds.fullName} name="fullName" label={t("consent.details.fullName")} error={message("fullName")} defaultValue={values.fullName} autoComplete="name" spellCheck={false} />
            <TextInput
              id={fieldIds.phone}
              name="phone"
              type="tel"
              label={t("consent.details.phone")}
              hint={t("consent.details.phoneHint")}
              error={message("phone")}
              defaultValue={values.phone}
              autoComplete="tel"
              className="input--width-20"
            />
            <TextInput
              id={fieldIds.email}
              name="email"
              type="email"
              label={t("consent.details.email")}
              hint={t("consent.details.emailHint")}
              error={message("email")}
              defaultValue={values.email}
              autoComplete="email"
              spellCheck={false}
            />
          </fieldset>
        ) : null}
        {ask.includes("date-of-birth") ? (
          <div className={dateError ? "form-group form-group--error" : "form-group"}>
            <fieldset className="fieldset" role="group" aria-describedby={["details-date-of-birth-receivers", "details-dob-hint", dateError ? "details-dob-error" : ""].filter(Boolean).join(" ")}>
              <legend className="fieldset__legend fieldset__legend--m">{t("consent.details.dateOfBirth")}</legend>
              {receivedBy("date-of-birth")}
              <div className="hint" id="details-dob-hint">
                {t("consent.details.dateOfBirthHint")}
              </div>
              {dateError ? <ErrorMessage id="details-dob-error">{dateError}</ErrorMessage> : null}
              <div className="date-input">
                {(["dobDay", "dobMonth", "dobYear"] as const).map((field) => (
                  <div className="date-input__item" key={field}>
                    <label className="label" htmlFor={`details-${field}`}>
                      {t(`consent.details.${field}`)}
                    </label>
                    <input
                      className={["input", field === "dobYear" ? "input--width-4" : "input--width-2", dateError ? "input--error" : ""].filter(Boolean).join(" ")}
                      id={`details-${field}`}
                      name={field}
                      type="text"
                      inputMode="numeric"
                      autoComplete={{ dobDay: "bday-day", dobMonth: "bday-month", dobYear: "bday-year" }[field]}
                      defaultValue={values[field]}
                      aria-invalid={dateError ? true : undefined}
                    />
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
        ) : null}
        {ask.includes("address") ? (
          <fieldset className="fieldset" aria-describedby="details-address-receivers">
            <legend className="fieldset__legend fieldset__legend--m">{t("consent.details.address")}</legend>
            {receivedBy("address")}
            <TextInput
              id={fieldIds.streetAddress}
              name="streetAddress"
              label={t("consent.details.streetAddress")}
              error={message("streetAddress")}
              defaultValue={values.streetAddress}
              autoComplete="street-address"
            />
            <TextInput
              id={fieldIds.postcode}
              name="postcode"
              label={t("consent.details.postcode")}
              error={message("postcode")}
              defaultValue={values.postcode}
              autoComplete="postal-code"
              inputMode="numeric"
              className="input--width-5"
            />
            {municipality ? <p>{t("consent.details.municipality", { municipality })}</p> : null}
          </fieldset>
        ) : null}
        <Button>{t("consent.submit")}</Button>
      </Form>
      <p>
        <a href={citizenPaths.consent}>{t("consent.details.changeChoice")}</a>
      </p>
    </>
  );
}
