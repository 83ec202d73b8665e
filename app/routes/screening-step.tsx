import { useScreeningText } from "#app/screening/text.ts";
import { data, redirect } from "react-router";
import { loadPage, pageFromParam, submitPage } from "#app/screening.server.ts";
import { BackLink } from "#app/components/layout.tsx";
import { QuestionForm } from "#app/components/question.tsx";
import { getI18nextInstance, getLanguage } from "#app/i18n/i18n.server.ts";
import { questionText } from "#app/screening/question-text.server.ts";
import { isStepId } from "#pathways/screening/questionnaire.ts";
import type { NamespacesHandle } from "#app/i18n/client-resources.ts";
import type { Route } from "./+types/screening-step";

export const handle: NamespacesHandle = { i18n: ["screening"] };

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const page = pageFromParam(params.step);
  if (!page || page === "checkAnswers") throw data(null, { status: 404 });
  const view = await loadPage(request, page);
  if (view.kind === "redirect") throw redirect(view.to);
  if (view.kind !== "show") return { view, text: null };
  return { view, text: questionText(view.step, getLanguage(context), getI18nextInstance(context)) };
}

export async function action({ request, params }: Route.ActionArgs) {
  if (!isStepId(params.step)) throw data(null, { status: 404 });
  return data(await submitPage(request, params.step), { status: 400 });
}

export default function ScreeningStep({ loaderData, actionData }: Route.ComponentProps) {
  const t = useScreeningText();
  const { view, text } = loaderData;
  if (view.kind !== "show" || !text) return null;
  return (
    <>
      {view.backTo ? <BackLink to={view.backTo}>{t("back")}</BackLink> : null}
      <QuestionForm key={view.step} step={view.step} answers={view.answers} lastResult={actionData} text={text} />
    </>
  );
}
