import type { Cost, OrganizationType } from "#db/catalogue-search.ts";
import type { Language } from "#pathways/i18n.ts";
import { formatEuros } from "#app/format.ts";
import { useNamespaceText } from "#app/i18n/use-namespace-text.ts";
import { Tag, type TagColour } from "./content.tsx";

const providerTagColours: Record<OrganizationType, TagColour> = { public: "blue", private: "purple", non_profit: "green" };

export function ProviderTypeTag({ type }: { type: OrganizationType }) {
  const t = useNamespaceText("catalogue");
  return <Tag colour={providerTagColours[type]}>{t(`providerType.${type}`)}</Tag>;
}

/** "Free", "€42 an hour", "Service voucher", "Fee depends on income". */
export function CostText({ cost, language }: { cost: Cost; language: Language }) {
  const t = useNamespaceText("catalogue");
  if (cost.kind === "free") return <span>{t("cost.free")}</span>;
  if (cost.kind === "fixed_price" && cost.amountCents !== null) {
    const amount = formatEuros(cost.amountCents, language);
    return <span>{cost.unit ? t(`cost.pricePer.${cost.unit}`, { amount }) : amount}</span>;
  }
  if (cost.kind === "voucher") return <span>{t("cost.voucher")}</span>;
  return <span>{t("cost.incomeRelated")}</span>;
}
