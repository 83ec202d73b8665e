import type { TFunction } from "i18next";
import { useNamespaceText } from "#app/i18n/use-namespace-text.ts";
import { data } from "react-router";
import { findService } from "#app/catalogue.server.ts";
import { InsetText, Localized, SummaryList, type SummaryRow } from "#app/components/content.tsx";
import { BackLink, PageTitle } from "#app/components/layout.tsx";
import { Address, CostText, OpeningHours, PhoneLink, ProviderTypeTag } from "#app/components/service.tsx";
import { formatLanguageName, formatList, formatMunicipalities, formatNumber } from "#app/format.ts";
import { getLanguage } from "#app/i18n/i18n.server.ts";
import type { NamespacesHandle } from "#app/i18n/client-resources.ts";
import type { Route } from "./+types/service";

export const handle: NamespacesHandle = { i18n: ["catalogue"] };

export function loader({ params, context }: Route.LoaderArgs) {
  const language = getLanguage(context);
  const service = findService(params.serviceId, language);
  if (!service) throw data(null, { status: 404 });
  return { service, language };
}

export default function Service({ loaderData }: Route.ComponentProps) {
  const t = useNamespaceText("catalogue");
  const { service, language } = loaderData;

  const whoFor: SummaryRow[] = [];
  if (service.eligibility) {
    whoFor.push({ key: t("service.eligibility"), value: <Localized value={service.eligibility} pageLanguage={language} /> });
  }
  if (service.minimumAge !== null || service.maximumAge !== null) {
    whoFor.push({ key: t("service.age"), value: ageText(service.minimumAge, service.maximumAge, t) });
  }
  whoFor.push({
    key: t("service.area"),
    value: `${formatMunicipalities(service.municipalityCodes, language)}${
      service.residencyRequired ? ` (${t("service.residentsOnly")})` : ""
    }`,
  });

  const practical: SummaryRow[] = [
    {
      key: t("service.cost"),
      value: (
        <>
          {service.costs.map((cost, index) => (
            <div key={index}>
              <CostText cost={cost} language={language} />
              <Localized as="p" value={cost.description} pageLanguage={language} className="hint" />
            </div>
          ))}
        </>
      ),
    },
    {
      key: t("service.languages"),
      value: formatList(service.languageCodes.map((code) => formatLanguageName(code, language)), language),
    },
    { key: t("service.delivery"), value: formatList(service.delivery.map((mode) => t(`delivery.${mode}`)), language) },
  ];
  if (service.typicalWaitDays !== null) {
    practical.push({
      key: t("service.wait"),
      value:
        service.typicalWaitDays === 0
          ? t("service.waitNone")
          : t("service.waitDays", { count: service.typicalWaitDays, formatted: formatNumber(service.typicalWaitDays, language) }),
    });
  }
  practical.push({ key: t("service.capacity"), value: t(`capacity.${service.capacity}`) });
  if (service.qualityRating !== null) {
    practical.push({
      key: t("service.quality"),
      value: t("service.qualityRating", { rating: formatNumber(service.qualityRating, language, 1) }),
    });
  }
  if (service.accreditations) practical.push({ key: t("service.accreditations"), value: service.accreditations });

  const contact: SummaryRow[] = [];
  for (const phone of service.phones.length > 0 ? service.phones : service.provider.phone ? [service.provider.phone] : []) {
    contact.push({ key: t("service.phone"), value: <PhoneLink number={phone} /> });
  }
  const email = service.email ?? service.provider.email;
  if (email) contact.push({ key: t("service.email"), value: <a href={`mailto:${email}`}>{email}</a> });
  const website = service.url ?? service.provider.website;
  // Catalogue data may come from imports: only web addresses become links.
  if (website && /^https?:\/\//i.test(website)) contact.push({ key: t("service.website"), value: <a href={website}>{website}</a> });

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
      <SummaryList rows={whoFor} />

      <h2 className="heading-m">{t("service.howToApply")}</h2>
      <Localized as="p" value={service.applicationProcess} pageLanguage={language} />
      {service.acceptsReferrals ? <InsetText>{t("service.acceptsReferrals")}</InsetText> : null}

      <h2 className="heading-m">{t("service.practical")}</h2>
      <SummaryList rows={practical} />

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
          <SummaryList rows={contact} />
        </>
      ) : null}
    </>
  );
}

function ageText(
  minimum: number | null,
  maximum: number | null,
  t: TFunction<"catalogue">,
): string {
  if (minimum !== null && maximum !== null) return t("service.ageRange", { minimum, maximum });
  if (minimum !== null) return t("service.ageFrom", { minimum });
  return t("service.ageUpTo", { maximum });
}
