import { useScreeningText } from "#app/screening/text.ts";
import { data, redirect } from "react-router";
import { loadPage, submitPage } from "#app/screening.server.ts";
import { citizenPlace, screeningPageFromParam, screeningPagePath } from "#app/page-paths.ts";
import { BackLink } from "#app/components/layout.tsx";
import { QuestionForm } from "#app/components/question.tsx";
import { getI18nextInstance, getLanguage } from "#app/i18n/i18n.server.ts";
import { questionText } from "#app/screening/question-text.server.ts";
import { isStepId } from "#pathways/screening/questionnaire.ts";
import type { NamespacesHandle } from "#app/i18n/client-resources.ts";
import type { Route } from "./+types/screening-step";

export const handle: NamespacesHandle = { i18n: ["screening"] };

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const page = screeningPageFromParam(params.step);
  if (!isStepId(page)) throw data(null, { status: 404 });
  const view = await loadPage(request, page);
  if (view.kind === "redirect") throw redirect(screeningPagePath(view.to, citizenPlace));
  if (view.kind !== "show") return { view, backTo: null, text: null };
  const backTo = view.backTo && screeningPagePath(view.backTo, citizenPlace);
  return { view, backTo, text: questionText(view.step, getLanguage(context), getI18nextInstance(context)) };
}

export async function action({ request, params }: Route.ActionArgs) {
  const page = screeningPageFromParam(params.step);
  if (!isStepId(page)) throw data(null, { status: 404 });
  return data(await submitPage(request, page), { status: 400 });
}

export default function ScreeningStep({ loaderData, actionData }: Route.ComponentProps) {
  const t = useScreeningText();
  const { view, backTo, text } = loaderData;
  if (view.kind !== "show" || !text) return null;
  return (
    <>
      {backTo ? <BackLink to={backTo}>{t("back")}</BackLink> : null}
      <QuestionForm key={view.step} step={view.step} answers={view.answers} lastResult={actionData} text={text} />
    </>
  );
}
