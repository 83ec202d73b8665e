import type { TFunction } from "i18next";
import type { findService } from "#app/catalogue.server.ts";
import { formatLanguageName, formatList, formatMunicipalities, formatNumber } from "#app/format.ts";
import type { Language } from "#pathways/i18n.ts";

type ServiceDetail = NonNullable<Awaited<ReturnType<typeof findService>>>;

/** What a row of the service page shows: plain text, or what the page draws as markup. */
export type ServiceRowValue =
  | { kind: "text"; text: string }
  | { kind: "localized"; value: NonNullable<ServiceDetail["eligibility"]> }
  | { kind: "costs"; costs: ServiceDetail["costs"] }
  | { kind: "phone"; number: string }
  | { kind: "email"; address: string }
  | { kind: "website"; address: string };

export interface ServiceRow {
  key: string;
  value: ServiceRowValue;
}

export interface ServiceRows {
  whoFor: ServiceRow[];
  practical: ServiceRow[];
  contact: ServiceRow[];
}

const text = (value: string): ServiceRowValue => ({ kind: "text", text: value });

/** The service page's three tables: whom it is for, the practical facts, and how to get in touch. */
export function serviceRows(service: ServiceDetail, language: Language, t: TFunction<"catalogue">): ServiceRows {
  const whoFor: ServiceRow[] = [];
  if (service.eligibility) whoFor.push({ key: t("service.eligibility"), value: { kind: "localized", value: service.eligibility } });
  if (service.minimumAge !== null || service.maximumAge !== null) {
    whoFor.push({ key: t("service.age"), value: text(ageText(service.minimumAge, service.maximumAge, t)) });
  }
  whoFor.push({
    key: t("service.area"),
    value: text(`${formatMunicipalities(service.municipalityCodes, language)}${service.residencyRequired ? ` (${t("service.residentsOnly")})` : ""}`),
  });

  const practical: ServiceRow[] = [
    { key: t("service.cost"), value: { kind: "costs", costs: service.costs } },
    { key: t("service.languages"), value: text(formatList(service.languageCodes.map((code) => formatLanguageName(code, language)), language)) },
    { key: t("service.delivery"), value: text(formatList(service.delivery.map((mode) => t(`delivery.${mode}`)), language)) },
  ];
  if (service.typicalWaitDays !== null) {
    practical.push({
      key: t("service.wait"),
      value: text(
        service.typicalWaitDays === 0
          ? t("service.waitNone")
          : t("service.waitDays", { count: service.typicalWaitDays, formatted: formatNumber(service.typicalWaitDays, language) }),
      ),
    });
  }
  practical.push({ key: t("service.capacity"), value: text(t(`capacity.${service.capacity}`)) });
  if (service.qualityRating !== null) {
    practical.push({ key: t("service.quality"), value: text(t("service.qualityRating", { rating: formatNumber(service.qualityRating, language, 1) })) });
  }
  if (service.accreditations) practical.push({ key: t("service.accreditations"), value: text(service.accreditations) });

  const contact: ServiceRow[] = [];
  for (const phone of service.phones.length > 0 ? service.phones : service.provider.phone ? [service.provider.phone] : []) {
    contact.push({ key: t("service.phone"), value: { kind: "phone", number: phone } });
  }
  const email = service.email ?? service.provider.email;
  if (email) contact.push({ key: t("service.email"), value: { kind: "email", address: email } });
  const website = service.url ?? service.provider.website;
  // Catalogue data may come from imports: only web addresses become links.
  if (website && /^https?:\/\//i.test(website)) contact.push({ key: t("service.website"), value: { kind: "website", address: website } });

  return { whoFor, practical, contact };
}

function ageText(minimum: number | null, maximum: number | null, t: TFunction<"catalogue">): string {
  if (minimum !== null && maximum !== null) return t("service.ageRange", { minimum, maximum });
  if (minimum !== null) return t("service.ageFrom", { minimum });
  return t("service.ageUpTo", { maximum });
}
