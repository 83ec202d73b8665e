import { Form } from "react-router";
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

/**
 * "Email me a link", optional, below a code the person was just shown. `keep` holds the
 * fields the page posts back so it can show that code again (never the address).
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
  return (
    <section aria-labelledby="email-link-title">
      <h2 className="heading-m" id="email-link-title">
        {t("emailLink.title")}
      </h2>
      {result && "sent" in result ? (
        <p className="inset-text" role="status">
          {t("emailLink.sent")}
        </p>
      ) : (
        <Form method="post" {...checks.formProps}>
          <p>{lead}</p>
          <input type="hidden" name="intent" value="email" />
          {Object.entries(keep).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
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
      )}
    </section>
  );
}
