import { useEffect, useRef, useState } from "react";
import { Form, useFetcher } from "react-router";
import { checkEmailAddressForm } from "#app/email-address-form.ts";
import type { EmailLinkResult } from "#app/email-link.server.ts";
import { useScreeningText } from "#app/screening/text.ts";
import { Button, TextInput, type FieldError } from "./form.tsx";
import { useFormChecks } from "./use-form-checks.ts";

export const emailLinkFieldId = "email-link-address";

type EmailLinkChecks = ReturnType<typeof useFormChecks>;

/** The email form's checks, in the browser and from the server's last reply; the page holds them for its error summary. */
export function useEmailLinkChecks(result: EmailLinkResult | undefined): EmailLinkChecks {
  return useFormChecks(result, result && "error" in result ? { email: result.error } : {}, checkEmailAddressForm);
}

/** The error summary's entry for the email form, if the last try had a problem. */
export function emailLinkErrors(checks: EmailLinkChecks, t: (key: string) => string): FieldError[] {
  return checks.errors.email ? [{ fieldId: emailLinkFieldId, message: t(checks.errors.email) }] : [];
}

/** With JavaScript, how often and how many times the page asks whether an email being sent has gone. */
const statusPollMs = 3_000;
const statusPolls = 20;

/**
 * "Email me a link", optional, below a code the person was just shown. `keep` holds the
 * fields the page posts back so it can show that code again (never the address). Once
 * asked, it says where the email has got to, never "sent" before the mail server took
 * it: a button asks again (with JavaScript, the page asks by itself every few seconds
 * while the email is on its way). An email that could not be sent brings the form back.
 */
export function EmailLinkForm({
  lead,
  result,
  keep,
  checks,
}: {
  lead: string;
  result: EmailLinkResult | undefined;
  keep: Record<string, string>;
  checks: EmailLinkChecks;
}) {
  const t = useScreeningText("followUp");
  const status = useFetcher<{ emailLink?: EmailLinkResult }>();
  // What the last check said, until the page's own form posts again.
  const [checked, setChecked] = useState<EmailLinkResult>();
  const polls = useRef(0);
  useEffect(() => {
    setChecked(undefined);
    polls.current = 0;
  }, [result]);
  useEffect(() => {
    if (status.data?.emailLink) setChecked(status.data.emailLink);
  }, [status.data]);
  const latest = checked ?? result;
  const delivery = latest && "delivery" in latest ? latest.delivery : undefined;
  const hidden = (intent: string) => (
    <>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
  const keepFields = JSON.stringify(keep);
  const { submit } = status;
  useEffect(() => {
    if (delivery !== "sending" || status.state !== "idle" || polls.current >= statusPolls) return;
    const timer = setTimeout(() => {
      polls.current += 1;
      void submit({ intent: "emailStatus", ...(JSON.parse(keepFields) as Record<string, string>) }, { method: "post" });
    }, statusPollMs);
    return () => clearTimeout(timer);
  }, [delivery, status.state, submit, keepFields]);
  return (
    <section aria-labelledby="email-link-title">
      <h2 className="heading-m" id="email-link-title">
        {t("emailLink.title")}
      </h2>
      <div role="status">
        {delivery ? (
          <div className="inset-text" data-delivery={delivery}>
            <p>{t(`emailLink.delivery.${delivery}`)}</p>
            {delivery === "sending" || delivery === "sent" ? <p>{t("emailLink.onlyNewest")}</p> : null}
          </div>
        ) : null}
      </div>
      {delivery === "sending" || delivery === "delayed" ? (
        <status.Form method="post">
          {hidden("emailStatus")}
          <Button variant="secondary">{t("emailLink.checkAgain")}</Button>
        </status.Form>
      ) : null}
      {delivery === undefined || delivery === "failed" ? (
        <Form method="post" {...checks.formProps}>
          <p>{lead}</p>
          {hidden("email")}
          <TextInput
            id={emailLinkFieldId}
            name="email"
            type="email"
            label={t("emailLink.label")}
            hint={t("emailLink.hint")}
            error={checks.errors.email ? t(checks.errors.email) : undefined}
            defaultValue={latest && "error" in latest ? latest.email : ""}
            autoComplete="email"
            spellCheck={false}
          />
          <Button variant="secondary">{t("emailLink.submit")}</Button>
        </Form>
      ) : null}
    </section>
  );
}
