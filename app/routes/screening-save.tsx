import { data } from "react-router";
import { emailResumeLink, saveForLater } from "#app/screening.server.ts";
import { Panel } from "#app/components/content.tsx";
import { EmailLinkForm, emailLinkErrors, useEmailLinkChecks } from "#app/components/email-link-form.tsx";
import { ErrorSummary } from "#app/components/form.tsx";
import { PageTitle } from "#app/components/layout.tsx";
import { getLanguage } from "#app/i18n/i18n.server.ts";
import { useScreeningText } from "#app/screening/text.ts";
import type { NamespacesHandle } from "#app/i18n/client-resources.ts";
import type { Route } from "./+types/screening-save";
import { citizenPaths } from "#app/page-paths.ts";

export const handle: NamespacesHandle = { i18n: ["screening", "followUp", "emailLink"] };

/** The code is shown in the response to the POST only: it never appears in a URL. */
export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent !== "email" && intent !== "emailStatus") return saveForLater(request);
  const result = await emailResumeLink(request, form, getLanguage(context));
  return data(result, { status: result.emailLink && "error" in result.emailLink ? 400 : 200 });
}

export default function SavedForLater({ actionData }: Route.ComponentProps) {
  const t = useScreeningText("followUp");
  const emailText = useScreeningText("emailLink");
  const text = useScreeningText();
  const emailLink = actionData && "emailLink" in actionData ? actionData.emailLink : undefined;
  const emailChecks = useEmailLinkChecks(emailLink);
  // Reached without saving (a bookmark, a refresh after the browser forgot the post).
  if (!actionData) {
    return (
      <>
        <PageTitle title={t("resume.title")} />
        <h1 className="heading-l">{t("resume.title")}</h1>
        <p>
          <a href={citizenPaths.resume}>{text("links.resume")}</a>
        </p>
      </>
    );
  }
  const errors = emailLinkErrors(emailChecks, emailText);
  return (
    <>
      <PageTitle title={t("resume.saved.title")} hasErrors={errors.length > 0} />
      <ErrorSummary errors={errors} submission={emailChecks.attempt} />
      <Panel title={t("resume.saved.title")}>
        {t("resume.saved.codeIntro")}
        <br />
        <strong className="resume-code">{actionData.code}</strong>
      </Panel>
      <p>{t("resume.saved.keepSafe")}</p>
      <p>{t("resume.saved.expires")}</p>
      <p>{t("resume.saved.howToReturn")}</p>
      <a href={citizenPaths.resume} className="button button--secondary" role="button" draggable="false">
        {t("resume.saved.continueNow")}
      </a>
      <EmailLinkForm lead={emailText("emailLink.resumeLead")} result={emailLink} keep={{ code: actionData.code }} checks={emailChecks} />
    </>
  );
}
