import { ForWhom, Localized } from "#app/components/content.tsx";
import type { loadConsentPage } from "#app/consent.server.ts";
import { useScreeningText } from "#app/screening/text.ts";
import type { Language } from "#pathways/i18n.ts";

type ConsentPageData = Awaited<ReturnType<typeof loadConsentPage>> & { language: Language };

/** What staff do first (a key worker, an assessment), and the services that wait for it. */
export function StaffActsFirst({ page }: { page: Pick<ConsentPageData, "keyWorkerFirst" | "assessmentFirst" | "forWhomWords" | "language"> }) {
  const t = useScreeningText("consent");
  const { forWhomWords, language } = page;
  const staffStep = (step: "keyWorkerFirst" | "assessmentFirst", summaries: ConsentPageData["keyWorkerFirst"]) =>
    summaries.length > 0 ? (
      <section aria-labelledby={step}>
        <h2 className="heading-m" id={step}>
          {t(`consent.${step}.title`)}
        </h2>
        <p>{t(`consent.${step}.body`)}</p>
        <ul className="list list--bullet">
          {summaries.map(({ summary, forWhom }) => (
            <li key={summary.id}>
              <Localized value={summary.name} pageLanguage={language} /> <ForWhom keys={forWhom} words={forWhomWords} />
            </li>
          ))}
        </ul>
      </section>
    ) : null;
  return (
    <>
      {staffStep("keyWorkerFirst", page.keyWorkerFirst)}
      {staffStep("assessmentFirst", page.assessmentFirst)}
    </>
  );
}
