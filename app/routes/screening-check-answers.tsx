import { useScreeningText } from "#app/screening/text.ts";
import { Form, redirect } from "react-router";
import { loadPage, submitPage } from "#app/screening.server.ts";
import { citizenPlace, screeningPagePath } from "#app/page-paths.ts";
import { BackLink, PageTitle } from "#app/components/layout.tsx";
import { Button } from "#app/components/form.tsx";
import { SummaryList } from "#app/components/content.tsx";
import { answerSummary } from "#app/screening/answer-text.server.ts";
import { getI18nextInstance, getLanguage } from "#app/i18n/i18n.server.ts";
import type { NamespacesHandle } from "#app/i18n/client-resources.ts";
import type { Route } from "./+types/screening-check-answers";

export const handle: NamespacesHandle = { i18n: ["screening", "checkAnswers"] };

export async function loader({ request, context }: Route.LoaderArgs) {
  const view = await loadPage(request, "check-answers");
  if (view.kind === "redirect") throw redirect(screeningPagePath(view.to, citizenPlace));
  if (view.kind !== "check-answers") throw redirect("/");
  const rows = answerSummary(view.answers, getLanguage(context), getI18nextInstance(context));
  return { rows, backTo: view.backTo && screeningPagePath(view.backTo, citizenPlace) };
}

export async function action({ request }: Route.ActionArgs) {
  return submitPage(request, "check-answers");
}

export default function CheckAnswers({ loaderData }: Route.ComponentProps) {
  const t = useScreeningText("checkAnswers");
  const text = useScreeningText();
  const { rows, backTo } = loaderData;
  return (
    <>
      <PageTitle title={t("checkAnswers.title")} />
      {backTo ? <BackLink to={backTo}>{text("back")}</BackLink> : null}
      <h1 className="heading-l">{t("checkAnswers.title")}</h1>
      <SummaryList
        rows={rows.map(({ step, question, answer }) => ({
          key: question,
          value: (
            <div className="summary-list__value-with-action">
              <span>{answer}</span>
              <Form method="post" className="summary-list__action">
                <input type="hidden" name="change" value={step} />
                <button type="submit" className="link-button">
                  {t("checkAnswers.change")}
                  <span className="visually-hidden"> {t("checkAnswers.changeHidden", { question })}</span>
                </button>
              </Form>
            </div>
          ),
        }))}
      />
      <h2 className="heading-m">{t("checkAnswers.submitTitle")}</h2>
      <p>{t("checkAnswers.submitText")}</p>
      <Form method="post">
        <Button>{t("checkAnswers.confirm")}</Button>
      </Form>
    </>
  );
}
