import { useNamespaceText } from "#app/i18n/use-namespace-text.ts";
import { loadPackage } from "#app/screening.server.ts";
import { Localized, Panel } from "#app/components/content.tsx";
import { PageTitle } from "#app/components/layout.tsx";
import { PrintButton } from "#app/components/print-button.tsx";
import { UrgentHelp } from "#app/components/urgent-help.tsx";
import { useScreeningText } from "#app/screening/text.ts";
import { CostText, PracticalFactsList, ProviderTypeTag } from "#app/components/service.tsx";
import { getLanguage } from "#app/i18n/i18n.server.ts";
import type { NamespacesHandle } from "#app/i18n/client-resources.ts";
import type { Route } from "./+types/screening-complete";

export const handle: NamespacesHandle = { i18n: ["catalogue", "screening", "urgentHelp"] };

export async function loader({ request, context }: Route.LoaderArgs) {
  const language = getLanguage(context);
  // After danger is disclosed the package waits until the person asks for it.
  const packageChosen = new URL(request.url).searchParams.get("show") === "package";
  return { ...(await loadPackage(request, language)), language, packageChosen };
}

/** Your service package: for each need, the service proposed and why, with alternatives. */
export default function ServicePackage({ loaderData }: Route.ComponentProps) {
  const t = useNamespaceText("catalogue");
  const { needs, servicePackage, summaries, practical, language, danger, packageChosen } = loaderData;
  const text = useScreeningText();
  const urgentHelpText = useScreeningText("urgentHelp");
  // The proposed service shows all a person needs to act on it; an alternative, fewer
  // facts and its page a link away, so the choice stays easy to read.
  const serviceCard = (serviceId: number, reasons: readonly string[], { proposed }: { proposed: boolean }) => {
    const summary = summaries[serviceId];
    if (!summary) return null;
    return (
      <div className="package-service">
        <h3 className="heading-s">
          <a href={`/services/${serviceId}`}>
            <Localized value={summary.name} pageLanguage={language} />
          </a>
        </h3>
        <p className="service-list__provider">
          <Localized value={summary.provider.name} pageLanguage={language} /> <ProviderTypeTag type={summary.provider.type} />
        </p>
        {summary.cost ? (
          <p>
            <CostText cost={summary.cost} language={language} />
          </p>
        ) : null}
        {proposed ? <PracticalFactsList summary={summary} facts={practical[serviceId]} language={language} /> : null}
        <ul className="list list--bullet">
          {reasons.map((reason) => (
            <li key={reason}>{t(`reasons.${reason}` as "reasons.no-cost")}</li>
          ))}
        </ul>
      </div>
    );
  };
  if (danger && !packageChosen) {
    return <UrgentHelp continueTo="/screening/complete?show=package" continueLabel={urgentHelpText("urgentHelp.showPackage")} />;
  }
  return (
    <>
      <PageTitle title={t("package.title")} />
      <Panel title={t("package.title")}>{t("package.lead")}</Panel>
      <p className="print-hidden">
        <a href="/screening/consent" className="button" role="button" draggable="false">
          {text("choose")}
        </a>{" "}
        <PrintButton>{t("package.print")}</PrintButton>
      </p>
      {needs.map((need) => {
        const item = servicePackage.items.find((candidate) => candidate.coversInPackage.includes(need.code));
        const alternatives = servicePackage.alternatives[need.code] ?? [];
        const unmet = servicePackage.unmetNeeds.includes(need.code);
        return (
          <section key={need.code} className="package-need" aria-labelledby={`need-${need.code}`}>
            <h2 className="heading-m" id={`need-${need.code}`}>
              {need.name}
            </h2>
            {unmet ? <p>{t("package.unmet")}</p> : null}
            {item ? serviceCard(item.serviceId, item.reasons, { proposed: true }) : null}
            {!unmet && !item ? <p>{t("package.coveredAbove")}</p> : null}
            {alternatives.length > 0 ? (
              <details className="package-alternatives">
                <summary>{t("package.alternatives", { count: alternatives.length })}</summary>
                {alternatives.map((alternative) => (
                  <div key={alternative.serviceId}>{serviceCard(alternative.serviceId, alternative.reasons, { proposed: false })}</div>
                ))}
              </details>
            ) : null}
          </section>
        );
      })}
    </>
  );
}
