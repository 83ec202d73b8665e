import { useNamespaceText } from "#app/i18n/use-namespace-text.ts";
import { loadPackage } from "#app/screening.server.ts";
import { ForWhom, InsetText, Localized, Panel } from "#app/components/content.tsx";
import { formatList } from "#app/format.ts";
import { PageTitle } from "#app/components/layout.tsx";
import { PrintButton } from "#app/components/print-button.tsx";
import { UrgentHelp } from "#app/components/urgent-help.tsx";
import { useScreeningText } from "#app/screening/text.ts";
import { CostText, PracticalFactsList, ProviderTypeTag } from "#app/components/service.tsx";
import { getLanguage } from "#app/i18n/i18n.server.ts";
import { asksForPackage, chosenPackagePath, citizenPaths, citizenPlace } from "#app/page-paths.ts";
import type { NamespacesHandle } from "#app/i18n/client-resources.ts";
import type { Route } from "./+types/screening-complete";

export const handle: NamespacesHandle = { i18n: ["catalogue", "screening", "urgentHelp"] };

export async function loader({ request, context }: Route.LoaderArgs) {
  const language = getLanguage(context);
  // After danger is disclosed the package waits until the person asks for it.
  const packageChosen = asksForPackage(new URL(request.url));
  return { ...(await loadPackage(request, language)), language, packageChosen };
}

/**
 * Your service package: each proposed service once, with the needs it meets and whom
 * each is for, and the other options for those needs under it; then the needs no
 * service meets, with whom to ask.
 */
export default function ServicePackage({ loaderData }: Route.ComponentProps) {
  const t = useNamespaceText("catalogue");
  const { needNames, cards, changedSince, noLongerOffered, unmet, practical, forWhom, language, danger, packageChosen } = loaderData;
  const text = useScreeningText();
  const urgentHelpText = useScreeningText("urgentHelp");
  const needList = (lines: typeof unmet) => (
    <ul className="list package-needs">
      {lines.map((line) => (
        <li key={line.code}>
          <span className="package-needs__name">{needNames[line.code]}</span> <ForWhom keys={[line.forWhom]} words={forWhom} />
        </li>
      ))}
    </ul>
  );
  /** Who provides it and what it costs: on a proposed service and on each other option. */
  const provision = (summary: (typeof cards)[number]["summary"]) => (
    <>
      <p className="service-list__provider">
        <Localized value={summary.provider.name} pageLanguage={language} /> <ProviderTypeTag type={summary.provider.type} />
      </p>
      {summary.cost ? (
        <p>
          <CostText cost={summary.cost} language={language} />
        </p>
      ) : null}
    </>
  );
  const reasonList = (reasons: readonly string[]) => (
    <ul className="list list--bullet">
      {reasons.map((reason) => (
        <li key={reason}>{t(`reasons.${reason}` as "reasons.no-cost")}</li>
      ))}
    </ul>
  );
  if (danger && !packageChosen) {
    return <UrgentHelp continueTo={chosenPackagePath(citizenPlace)} continueLabel={urgentHelpText("urgentHelp.showPackage")} />;
  }
  return (
    <>
      <PageTitle title={t("package.title")} />
      <Panel title={t("package.title")}>{t("package.lead")}</Panel>
      <p className="print-hidden">
        <a href={citizenPaths.consent} className="button" role="button" draggable="false">
          {text("choose")}
        </a>{" "}
        <PrintButton>{t("package.print")}</PrintButton>
      </p>
      {cards.map((card) => (
        <section key={card.serviceId} className="package-service" aria-labelledby={`service-${card.serviceId}`}>
          <h2 className="heading-m" id={`service-${card.serviceId}`}>
            <a href={`/services/${card.serviceId}`}>
              <Localized value={card.summary.name} pageLanguage={language} />
            </a>
          </h2>
          {changedSince.includes(card.serviceId) ? <InsetText>{t("package.changedSince")}</InsetText> : null}
          {provision(card.summary)}
          <h3 className="heading-s">{t("package.meets", { count: card.covers.length })}</h3>
          {needList(card.covers)}
          <PracticalFactsList summary={card.summary} facts={practical[card.serviceId]} language={language} />
          {reasonList(card.reasons)}
          {card.alternatives.length > 0 ? (
            <details className="package-alternatives">
              <summary>{t("package.alternatives", { count: card.alternatives.length })}</summary>
              {card.alternatives.map((alternative) => (
                <div key={alternative.serviceId} className="package-alternative">
                  <h3 className="heading-s">
                    <a href={`/services/${alternative.serviceId}`}>
                      <Localized value={alternative.summary.name} pageLanguage={language} />
                    </a>
                  </h3>
                  {provision(alternative.summary)}
                  {alternative.insteadFor ? <p>{t("package.insteadFor", { needs: formatList(alternative.insteadFor, language) })}</p> : null}
                  {reasonList(alternative.reasons)}
                </div>
              ))}
            </details>
          ) : null}
        </section>
      ))}
      {noLongerOffered.length > 0 ? (
        <section className="package-closed" aria-labelledby="package-closed">
          <h2 className="heading-m" id="package-closed">
            {t("package.noLongerOfferedTitle", { count: noLongerOffered.length })}
          </h2>
          <p>{t("package.noLongerOfferedLead", { count: noLongerOffered.length })}</p>
          {noLongerOffered.map((service) => (
            <div key={service.serviceId}>
              <Localized value={service.name} pageLanguage={language} as="h3" className="heading-s" />
              {needList(service.covers)}
            </div>
          ))}
        </section>
      ) : null}
      {unmet.length > 0 ? (
        <section className="package-unmet" aria-labelledby="package-unmet">
          <h2 className="heading-m" id="package-unmet">
            {t("package.unmetTitle", { count: unmet.length })}
          </h2>
          {needList(unmet)}
          <p>{t("package.unmetWhatToDo", { count: unmet.length })}</p>
        </section>
      ) : null}
    </>
  );
}
