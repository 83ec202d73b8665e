import { data, Form } from "react-router";
import { loadResumeLink, resumeWithLink, type ResumeLinkPage } from "#app/screening.server.ts";
import { Button } from "#app/components/form.tsx";
import { PageTitle } from "#app/components/layout.tsx";
import { LinkNotUsable } from "#app/components/link-not-usable.tsx";
import { useScreeningText } from "#app/screening/text.ts";
import type { NamespacesHandle } from "#app/i18n/client-resources.ts";
import type { Route } from "./+types/screening-resume-link";

export const handle: NamespacesHandle = { i18n: ["followUp"] };

const withStatus = (page: ResumeLinkPage) => data(page, { status: page.link === "usable" ? 200 : 404 });

/**
 * An emailed link to saved answers. Opening it only shows this page (mail scanners open
 * links too); "Continue" posts, spends the link and opens the answers. A browser holding
 * another screening is asked first.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  return withStatus(await loadResumeLink(request, params.token));
}

export async function action({ request, params }: Route.ActionArgs) {
  return withStatus(await resumeWithLink(request, params.token));
}

export default function ResumeLink({ loaderData, actionData }: Route.ComponentProps) {
  const t = useScreeningText("followUp");
  const page = actionData ?? loaderData;
  if (page.link === "unusable") return <LinkNotUsable purpose="resume" />;
  return (
    <>
      <PageTitle title={t("linkPage.resume.title")} />
      <h1 className="heading-l">{t("linkPage.resume.title")}</h1>
      <p>{t("linkPage.resume.lead")}</p>
      {page.heldAt ? (
        <div className="warning-text">
          <span className="warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="warning-text__text">{t("linkPage.resume.replaces")}</strong>
        </div>
      ) : null}
      <p>{t("linkPage.resume.once")}</p>
      <Form method="post" replace>
        {page.heldAt ? <input type="hidden" name="replace" value="yes" /> : null}
        <Button>{page.heldAt ? t("linkPage.resume.replaceSubmit") : t("linkPage.resume.submit")}</Button>
      </Form>
      {page.heldAt ? (
        <p>
          <a href={page.heldAt}>{t("linkPage.resume.keep")}</a>
        </p>
      ) : null}
    </>
  );
}
