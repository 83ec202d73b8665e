import { data, Form } from "react-router";
import { submitFeedback } from "#app/feedback.server.ts";
import { checkFeedbackForm } from "#app/feedback-form.ts";
import { useFormChecks } from "#app/components/use-form-checks.ts";
import { Panel } from "#app/components/content.tsx";
import { Button, ErrorSummary, Radios, Textarea } from "#app/components/form.tsx";
import { PageTitle } from "#app/components/layout.tsx";
import { getLanguage } from "#app/i18n/i18n.server.ts";
import { useScreeningText } from "#app/screening/text.ts";
import type { NamespacesHandle } from "#app/i18n/client-resources.ts";
import type { Route } from "./+types/feedback";

export const handle: NamespacesHandle = { i18n: ["followUp"] };

export async function action({ request, context }: Route.ActionArgs) {
  const result = await submitFeedback(request, getLanguage(context));
  return data(result, { status: "errors" in result ? 400 : 200 });
}

export default function Feedback({ actionData }: Route.ComponentProps) {
  const t = useScreeningText("followUp");
  const { errors, attempt, formProps } = useFormChecks(actionData, actionData && "errors" in actionData ? actionData.errors : {}, checkFeedbackForm);
  if (actionData && "saved" in actionData) {
    return (
      <>
        <PageTitle title={t("feedback.thanks")} />
        <Panel title={t("feedback.thanks")} />
      </>
    );
  }
  const summary = (["rating", "comment"] as const)
    .filter((field) => errors[field])
    .map((field) => ({ fieldId: `feedback-${field}`, message: t(errors[field]!) }));
  return (
    <>
      <PageTitle title={t("feedback.title")} hasErrors={summary.length > 0} />
      <ErrorSummary errors={summary} submission={attempt} />
      <h1 className="heading-l">{t("feedback.title")}</h1>
      <p>{t("feedback.optional")}</p>
      <Form method="post" {...formProps}>
        <Radios
          id="feedback-rating"
          name="rating"
          legend={t("feedback.ratingLegend")}
          error={errors.rating && t(errors.rating)}
          items={["5", "4", "3", "2", "1"].map((value) => ({ value, label: t(`feedback.ratings.${value}`) }))}
        />
        <Textarea
          id="feedback-comment"
          name="comment"
          label={t("feedback.commentLabel")}
          hint={t("feedback.commentHint")}
          error={errors.comment && t(errors.comment)}
          defaultValue={actionData?.comment ?? ""}
        />
        <Button>{t("feedback.submit")}</Button>
      </Form>
    </>
  );
}
