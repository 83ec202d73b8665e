import { Form } from "react-router";
import type { EmailLinkResult } from "#app/email-link.server.ts";
import { useScreeningText } from "#app/screening/text.ts";
import { Button, TextInput, type FieldError } from "./form.tsx";

export const emailLinkFieldId = "email-link-address";

/** The error summary's entry for the email form, if the last try had a problem. */
export function emailLinkErrors(result: EmailLinkResult | undefined, t: (key: string) => string): FieldError[] {
  return result && "error" in result ? [{ fieldId: emailLinkFieldId, message: t(result.error) }] : [];
}

/**
 * "Email me a link", optional, below a code the person was just shown. `keep` holds the
 * fields the page posts back so it can show that code again (never the address).
 */
export function EmailLinkForm({ lead, result, keep }: { lead: string; result: EmailLinkResult | undefined; keep: Record<string, string> }) {
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
        <Form method="post" noValidate>
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
            error={result && "error" in result ? t(result.error) : undefined}
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
