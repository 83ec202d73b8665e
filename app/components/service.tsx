import type { Cost, OrganizationType, PracticalFacts, ServiceSummary } from "#pathways/catalogue.ts";
import { isMunicipalityCode, municipalities } from "#pathways/areas.ts";
import type { Language } from "#pathways/i18n.ts";
import { formatDays, formatEuros, formatLanguageName, formatList, formatMunicipalities } from "#app/format.ts";
import { useNamespaceText } from "#app/i18n/use-namespace-text.ts";
import { SummaryList, Tag, type SummaryRow, type TagColour } from "./content.tsx";

const providerTagColours: Record<OrganizationType, TagColour> = { public: "blue", private: "purple", non_profit: "green" };

export function ProviderTypeTag({ type }: { type: OrganizationType }) {
  const t = useNamespaceText("catalogue");
  return <Tag colour={providerTagColours[type]}>{t(`providerType.${type}`)}</Tag>;
}

/** "Free", "€42 an hour", "Service voucher", "Fee depends on income". */
export function CostText({ cost, language }: { cost: Pick<Cost, "kind" | "amountCents" | "unit">; language: Language }) {
  const t = useNamespaceText("catalogue");
  if (cost.kind === "free") return <span>{t("cost.free")}</span>;
  if (cost.kind === "fixed_price" && cost.amountCents !== null) {
    const amount = formatEuros(cost.amountCents, language);
    return <span>{cost.unit ? t(`cost.pricePer.${cost.unit}`, { amount }) : amount}</span>;
  }
  if (cost.kind === "voucher") return <span>{t("cost.voucher")}</span>;
  return <span>{t("cost.incomeRelated")}</span>;
}

/** "Monday to Friday 8:00–16:00", "Every day around the clock". */
export function OpeningHours({ schedule, language }: { schedule: PracticalFacts["schedules"][number]; language: Language }) {
  const t = useNamespaceText("catalogue");
  return (
    <>
      {formatDays(schedule.days, language, t)}{" "}
      {schedule.opensAt === "00:00" && schedule.closesAt === "23:59"
        ? t("service.allDay")
        : t("service.hours", { opens: schedule.opensAt, closes: schedule.closesAt })}
    </>
  );
}

/** A street address on two lines, the municipality in the reader's language. */
export function Address({ address, language }: { address: PracticalFacts["addresses"][number]; language: Language }) {
  const municipality = address.municipalityCode && isMunicipalityCode(address.municipalityCode) ? municipalities[address.municipalityCode].name[language] : address.municipalityCode;
  return (
    <span className="address">
      {address.street}
      <br />
      {address.postalCode} {municipality}
    </span>
  );
}

/** A phone number as a link that dials it. */
export function PhoneLink({ number }: { number: string }) {
  return <a href={`tel:${number.replace(/\s/g, "")}`}>{number}</a>;
}

/** Languages, where, when and how to get in touch: what a person needs to act on a proposed service. */
export function PracticalFactsList({
  summary,
  facts,
  language,
}: {
  summary: Pick<ServiceSummary, "languageCodes" | "municipalityCodes">;
  facts: PracticalFacts | undefined;
  language: Language;
}) {
  const t = useNamespaceText("catalogue");
  const rows: SummaryRow[] = [];
  if (summary.languageCodes.length > 0) {
    rows.push({ key: t("service.languages"), value: formatList(summary.languageCodes.map((code) => formatLanguageName(code, language)), language) });
  }
  if (facts) {
    const atHome = facts.delivery.includes("at_home");
    const addresses = facts.addresses.filter((address) => address.street);
    rows.push({
      key: t("package.where"),
      value: (
        <>
          {atHome ? <p className="fact">{t("package.atHome")}</p> : null}
          {addresses.map((address, index) => (
            <p key={index} className="fact">
              <Address address={address} language={language} />
            </p>
          ))}
          {addresses.length === 0 && !atHome ? formatMunicipalities(summary.municipalityCodes, language) : null}
        </>
      ),
    });
    if (facts.schedules.length > 0) {
      rows.push({
        key: t("service.openingHours"),
        value: facts.schedules.map((schedule, index) => (
          <p key={index} className="fact">
            <OpeningHours schedule={schedule} language={language} />
          </p>
        )),
      });
    }
    if (facts.phone || facts.email) {
      rows.push({
        key: t("service.contact"),
        value: (
          <>
            {facts.phone ? (
              <p className="fact">
                <PhoneLink number={facts.phone} />
              </p>
            ) : null}
            {facts.email ? (
              <p className="fact">
                <a href={`mailto:${facts.email}`}>{facts.email}</a>
              </p>
            ) : null}
          </>
        ),
      });
    }
  }
  return <SummaryList rows={rows} />;
}
