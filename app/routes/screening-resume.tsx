import { data, Form } from "react-router";
import { resumeWithCode } from "#app/screening.server.ts";
import { checkResumeForm } from "#app/resume-form.ts";
import { useFormChecks } from "#app/components/use-form-checks.ts";
import { Button, ErrorSummary, TextInput } from "#app/components/form.tsx";
import { PageTitle } from "#app/components/layout.tsx";
import { useScreeningText } from "#app/screening/text.ts";
import type { NamespacesHandle } from "#app/i18n/client-resources.ts";
import type { Route } from "./+types/screening-resume";

export const handle: NamespacesHandle = { i18n: ["followUp"] };

export async function action({ request }: Route.ActionArgs) {
  return data(await resumeWithCode(request), { status: 400 });
}

export default function Resume({ actionData }: Route.ComponentProps) {
  const t = useScreeningText("followUp");
  const { errors, attempt, formProps } = useFormChecks(actionData, actionData ? { code: actionData.error } : {}, checkResumeForm);
  const error = errors.code ? t(errors.code) : undefined;
  return (
    <>
      <PageTitle title={t("resume.title")} hasErrors={Boolean(error)} />
      <ErrorSummary errors={error ? [{ fieldId: "resume-code", message: error }] : []} submission={attempt} />
      <Form method="post" {...formProps}>
        <TextInput
          id="resume-code"
          name="code"
          label={t("resume.title")}
          labelIsPageHeading
          hint={`${t("resume.lead")} ${t("resume.codeHint")}`}
          error={error}
          defaultValue={actionData?.code ?? ""}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
        />
        <Button>{t("resume.submit")}</Button>
      </Form>
    </>
  );
}
