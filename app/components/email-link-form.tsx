import { useEffect, useRef } from "react";
import { Form, useSubmit } from "react-router";
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
  const t = useScreeningText("emailLink");
  const delivery = result && "delivery" in result ? result.delivery : undefined;
  const hidden = (intent: string) => (
    <>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
  // Asking is the "Check whether it has been sent" post, as without JavaScript (the page
  // comes back with its code and the email's state), made by the page itself: useSubmit is
  // what <Form> already uses, where a fetcher would add to every page's JavaScript (ADR 012).
  const submit = useSubmit();
  const polls = useRef(0);
  const keepFields = JSON.stringify(keep);
  useEffect(() => {
    if (delivery !== "sending") {
      polls.current = 0;
      return;
    }
    if (polls.current >= statusPolls) return;
    const timer = setTimeout(() => {
      polls.current += 1;
      void submit(
        { intent: "emailStatus", ...(JSON.parse(keepFields) as Record<string, string>) },
        { method: "post", replace: true, preventScrollReset: true },
      );
    }, statusPollMs);
    return () => clearTimeout(timer);
  }, [result, delivery, submit, keepFields]);
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
        <Form method="post" replace preventScrollReset>
          {hidden("emailStatus")}
          <Button variant="secondary">{t("emailLink.checkAgain")}</Button>
        </Form>
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
            defaultValue={result && "error" in result ? result.email : ""}
            autoComplete="email"
            spellCheck={false}
          />
          <Button variant="secondary">{t("emailLink.submit")}</Button>
        </Form>
      ) : null}
    </section>
  );
}
