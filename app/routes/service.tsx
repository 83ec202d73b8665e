import { useNamespaceText } from "#app/i18n/use-namespace-text.ts";
import { data } from "react-router";
import { findService } from "#app/catalogue.server.ts";
import { InsetText, Localized, SummaryList, type SummaryRow } from "#app/components/content.tsx";
import { BackLink, PageTitle } from "#app/components/layout.tsx";
import { Address, CostText, OpeningHours, PhoneLink, ProviderTypeTag } from "#app/components/service.tsx";
import { formatList } from "#app/format.ts";
import { serviceRows, type ServiceRow, type ServiceRowValue } from "#app/service-rows.ts";
import type { Language } from "#pathways/i18n.ts";
import { getLanguage } from "#app/i18n/i18n.server.ts";
import type { NamespacesHandle } from "#app/i18n/client-resources.ts";
import type { Route } from "./+types/service";

export const handle: NamespacesHandle = { i18n: ["catalogue"] };

export async function loader({ params, context }: Route.LoaderArgs) {
  const language = getLanguage(context);
  const service = await findService(params.serviceId, language);
  if (!service) throw data(null, { status: 404 });
  return { service, language };
}

export default function Service({ loaderData }: Route.ComponentProps) {
  const t = useNamespaceText("catalogue");
  const { service, language } = loaderData;

  const { whoFor, practical, contact } = serviceRows(service, language, t);
  const rows = (shaped: ServiceRow[]): SummaryRow[] =>
    shaped.map(({ key, value }) => ({ key, value: <ServiceRowContent value={value} language={language} /> }));

  return (
    <>
      <PageTitle title={service.name.text} />
      <BackLink to="/services">{t("service.backToSearch")}</BackLink>
      <span className="caption-l">
        <Localized value={service.provider.name} pageLanguage={language} />
      </span>
      <Localized as="h1" value={service.name} pageLanguage={language} className="heading-l" />
      <p>
        <ProviderTypeTag type={service.provider.type} />
      </p>
      <Localized as="p" value={service.summary} pageLanguage={language} className="lead" />

      <h2 className="heading-m">{t("service.what")}</h2>
      <Localized as="p" value={service.description} pageLanguage={language} />
      {service.needCodes.length > 0 ? (
        <p>
          {t("service.helpsWith")}{" "}
          {formatList(service.needNames, language)}
        </p>
      ) : null}

      <h2 className="heading-m">{t("service.whoFor")}</h2>
      <SummaryList rows={rows(whoFor)} />

      <h2 className="heading-m">{t("service.howToApply")}</h2>
      <Localized as="p" value={service.applicationProcess} pageLanguage={language} />
      {service.acceptsReferrals ? (
        <InsetText>
          <p>{t("service.acceptsReferrals")}</p>
          <p>{t("service.referralHow")}</p>
          <p>
            {/* The start page, not straight into the questions: it says what will be asked and how the answers are kept. */}
            <a href="/">{t("service.referralStart")}</a>
          </p>
        </InsetText>
      ) : null}

      <h2 className="heading-m">{t("service.practical")}</h2>
      <SummaryList rows={rows(practical)} />

      {service.locations.length > 0 || service.schedules.length > 0 ? (
        <>
          <h2 className="heading-m">{t("service.whereAndWhen")}</h2>
          {service.locations.map((location) => (
            <div key={location.id} className="location">
              <Localized as="h3" value={location.name} pageLanguage={language} className="heading-s" />
              {location.street ? (
                <p>
                  <Address address={location} language={language} />
                </p>
              ) : null}
              <Localized as="p" value={location.transportation} pageLanguage={language} />
              <Localized as="p" value={location.accessibility} pageLanguage={language} />
            </div>
          ))}
          {service.schedules.length > 0 ? (
            <>
              <h3 className="heading-s">{t("service.openingHours")}</h3>
              <ul className="list">
                {service.schedules.map((schedule, index) => (
                  <li key={index}>
                    <OpeningHours schedule={schedule} language={language} />
                    <Localized as="p" value={schedule.description} pageLanguage={language} className="hint" />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}

      {contact.length > 0 ? (
        <>
          <h2 className="heading-m">{t("service.contact")}</h2>
          <SummaryList rows={rows(contact)} />
        </>
      ) : null}
    </>
  );
}

/** One value of the service page's tables, as the page draws it. */
function ServiceRowContent({ value, language }: { value: ServiceRowValue; language: Language }) {
  switch (value.kind) {
    case "text":
      return value.text;
    case "localized":
      return <Localized value={value.value} pageLanguage={language} />;
    case "costs":
      return (
        <>
          {value.costs.map((cost, index) => (
            <div key={index}>
              <CostText cost={cost} language={language} />
              <Localized as="p" value={cost.description} pageLanguage={language} className="hint" />
            </div>
          ))}
        </>
      );
    case "phone":
      return <PhoneLink number={value.number} />;
    case "email":
      return <a href={`mailto:${value.address}`}>{value.address}</a>;
    case "website":
      return <a href={value.address}>{value.address}</a>;
  }
}
