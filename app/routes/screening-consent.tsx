import { data } from "react-router";
import { emailTrackingLink, loadConsentPage, submitConsent } from "#app/consent.server.ts";
import { getLanguage } from "#app/i18n/i18n.server.ts";
import { ConsentConfirmationPage } from "#app/screening/consent-confirmation-page.tsx";
import { ConsentFormPage } from "#app/screening/consent-form-page.tsx";
import { NothingToSendPage } from "#app/screening/nothing-to-send-page.tsx";
import { PersonDetailsPage } from "#app/screening/person-details-page.tsx";
import type { NamespacesHandle } from "#app/i18n/client-resources.ts";
import type { Route } from "./+types/screening-consent";

export const handle: NamespacesHandle = { i18n: ["consent", "screening", "emailLink"] };

const hasErrors = (result: Awaited<ReturnType<typeof submitConsent>>) =>
  "error" in result || ("details" in result && Object.keys(result.details.errors).length > 0) || ("emailLink" in result && result.emailLink !== undefined && "error" in result.emailLink);

export async function loader({ request, context }: Route.LoaderArgs) {
  const language = getLanguage(context);
  return { ...(await loadConsentPage(request, language)), language };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const intent = form.get("intent");
  const result = intent === "email" || intent === "emailStatus" ? await emailTrackingLink(request, form, getLanguage(context)) : await submitConsent(request, form, getLanguage(context));
  return data(result, { status: hasErrors(result) ? 400 : 200 });
}

/**
 * Four pages at one address: the confirmation with the reference number once the person
 * has sent their choice (or asked for a reference); the details the chosen services need,
 * before anything is sent; "nothing to send now" where no service waits for consent;
 * otherwise the consent form.
 */
export default function Consent({ loaderData, actionData }: Route.ComponentProps) {
  const staffActsFirst = loaderData.keyWorkerFirst.length + loaderData.assessmentFirst.length > 0;
  if (actionData && "confirmation" in actionData) return <ConsentConfirmationPage confirmed={actionData} staffActsFirst={staffActsFirst} />;
  if (actionData && "details" in actionData) return <PersonDetailsPage page={actionData.details} />;
  if (loaderData.services.length === 0) return <NothingToSendPage page={loaderData} staffActsFirst={staffActsFirst} />;
  return <ConsentFormPage page={loaderData} reply={actionData} />;
}
