import { data, Form } from "react-router";
import { lookUpCase } from "#app/tracking.server.ts";
import { checkTrackingForm } from "#app/tracking-form.ts";
import { useFormChecks } from "#app/components/use-form-checks.ts";
import { Button, ErrorSummary, TextInput } from "#app/components/form.tsx";
import { PageTitle } from "#app/components/layout.tsx";
import { useScreeningText } from "#app/screening/text.ts";
import type { NamespacesHandle } from "#app/i18n/client-resources.ts";
import type { Route } from "./+types/track";

export const handle: NamespacesHandle = { i18n: ["followUp"] };

export async function action({ request }: Route.ActionArgs) {
  return data(await lookUpCase(request), { status: 400 });
}

/** Reference number and access code in a form post: neither ever goes in a URL. */
export default function Track({ actionData }: Route.ComponentProps) {
  const t = useScreeningText("followUp");
  const { errors, attempt, formProps } = useFormChecks(actionData, actionData?.errors ?? {}, checkTrackingForm);
  const summary = (["reference", "accessCode"] as const)
    .filter((field) => errors[field])
    .map((field) => ({ fieldId: `track-${field}`, message: t(errors[field]!) }));
  return (
    <>
      <PageTitle title={t("track.title")} hasErrors={summary.length > 0} />
      <ErrorSummary errors={summary} submission={attempt} />
      <h1 className="heading-l">{t("track.title")}</h1>
      <p>{t("track.lead")}</p>
      <Form method="post" {...formProps}>
        <TextInput
          id="track-reference"
          name="reference"
          label={t("track.referenceLabel")}
          hint={t("track.referenceHint")}
          error={errors.reference && t(errors.reference)}
          defaultValue={actionData?.reference ?? ""}
          autoComplete="off"
          spellCheck={false}
        />
        <TextInput
          id="track-accessCode"
          name="accessCode"
          label={t("track.accessCodeLabel")}
          error={errors.accessCode && t(errors.accessCode)}
          autoComplete="off"
          spellCheck={false}
        />
        <Button>{t("track.submit")}</Button>
      </Form>
    </>
  );
}
