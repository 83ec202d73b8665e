import { useNamespaceText } from "#app/i18n/use-namespace-text.ts";
import { data, Form } from "react-router";
import { municipalities, municipalityCodes } from "#pathways/areas.ts";
import { maxSearchLength, searchFields, searchPageSize } from "#app/catalogue-limits.ts";
import { needFilterGroups, searchCatalogue } from "#app/catalogue.server.ts";
import { Localized, Pagination } from "#app/components/content.tsx";
import { Button, Checkboxes, ErrorSummary, Select, TextInput } from "#app/components/form.tsx";
import { PageTitle } from "#app/components/layout.tsx";
import { CostText, ProviderTypeTag } from "#app/components/service.tsx";
import { formatMunicipalities, formatNumber } from "#app/format.ts";
import { getLanguage } from "#app/i18n/i18n.server.ts";
import type { NamespacesHandle } from "#app/i18n/client-resources.ts";
import { costKinds, organizationTypes, type CostKind, type ServiceSummary } from "#pathways/catalogue.ts";
import type { Language } from "#pathways/i18n.ts";
import type { Route } from "./+types/services";

export const handle: NamespacesHandle = { i18n: ["catalogue"] };

export async function loader({ request, context }: Route.LoaderArgs) {
  const language = getLanguage(context);
  const page = await searchCatalogue(new URL(request.url), language);
  return data({ ...page, language, needGroups: needFilterGroups(language) }, { status: Object.keys(page.errors).length > 0 ? 400 : 200 });
}

export default function Services({ loaderData }: Route.ComponentProps) {
  const t = useNamespaceText("catalogue");
  const { values, errors, result, page, language, needGroups } = loaderData;
  const errorList = searchFields
    .filter((field) => errors[field])
    .map((field) => ({ fieldId: `search-${field}`, message: t(errors[field]!, { max: maxSearchLength }) }));
  const pageCount = result ? Math.ceil(result.total / searchPageSize) : 0;
  const hrefFor = (target: number) => {
    const query = new URLSearchParams();
    if (values.q) query.set("q", values.q);
    if (values.need) query.set("need", values.need);
    if (values.municipality) query.set("municipality", values.municipality);
    for (const type of values.provider) query.append("provider", type);
    for (const kind of values.cost) query.append("cost", kind);
    query.set("page", String(target));
    return `/services?${query.toString()}`;
  };

  return (
    <>
      <PageTitle title={t("search.title")} hasErrors={errorList.length > 0} />
      <ErrorSummary errors={errorList} submission={loaderData} />
      <h1 className="heading-l">{t("search.title")}</h1>
      <p className="lead">{t("search.intro")}</p>
      <Form method="get" action="/services" className="search-form" role="search" aria-label={t("search.formLabel")}>
        <TextInput
          id="search-q"
          name="q"
          type="search"
          label={t("search.queryLabel")}
          hint={t("search.queryHint")}
          defaultValue={values.q}
          error={errors.q && t(errors.q, { max: maxSearchLength })}
          autoComplete="off"
          spellCheck={false}
        />
        <div className="search-form__filters">
          <Select
            id="search-need"
            name="need"
            label={t("search.needLabel")}
            defaultValue={values.need}
            error={errors.need && t(errors.need)}
          >
            <option value="">{t("search.allNeeds")}</option>
            {needGroups.map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.options.map((option) => (
                  <option key={option.code} value={option.code}>
                    {option.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </Select>
          <Select
            id="search-municipality"
            name="municipality"
            label={t("search.municipalityLabel")}
            defaultValue={values.municipality}
            error={errors.municipality && t(errors.municipality)}
          >
            <option value="">{t("search.allMunicipalities")}</option>
            {municipalityCodes.map((code) => (
              <option key={code} value={code}>
                {municipalities[code].name[language]}
              </option>
            ))}
          </Select>
          <Checkboxes
            id="search-provider"
            name="provider"
            legend={t("search.providerLegend")}
            hint={t("search.choicesHint")}
            error={errors.provider && t(errors.provider)}
            items={organizationTypes.map((type) => ({ value: type, label: t(`providerType.${type}`) }))}
            values={values.provider}
          />
          <Checkboxes
            id="search-cost"
            name="cost"
            legend={t("search.costLegend")}
            hint={t("search.choicesHint")}
            error={errors.cost && t(errors.cost)}
            items={costKinds.map((kind) => ({ value: kind, label: t(costKindLabels[kind]) }))}
            values={values.cost}
          />
        </div>
        <Button>{t("search.submit")}</Button>
      </Form>

      {result ? (
        <section aria-labelledby="results-heading" className="search-results">
          <h2 className="heading-m" id="results-heading" aria-live="polite">
            {t("search.resultCount", { count: result.total, formatted: formatNumber(result.total, language) })}
          </h2>
          {result.total === 0 ? (
            <div className="search-results__empty">
              <p>{t("search.noResults")}</p>
              <ul className="list list--bullet">
                <li>{t("search.noResultsSpelling")}</li>
                <li>{t("search.noResultsFewerWords")}</li>
                <li>{t("search.noResultsFilters")}</li>
              </ul>
            </div>
          ) : (
            <>
              <ServiceList services={result.services.slice(0, result.someWordsFrom)} language={language} />
              {result.someWordsFrom < result.services.length ? (
                <>
                  <h3 className="heading-s search-results__some-words">{t("search.someWordsHeading")}</h3>
                  <ServiceList services={result.services.slice(result.someWordsFrom)} language={language} />
                </>
              ) : null}
            </>
          )}
          <Pagination page={page} pageCount={pageCount} hrefFor={hrefFor} />
        </section>
      ) : null}
    </>
  );
}

/** A cost kind as a filter option: the words the result list uses for it. */
const costKindLabels = {
  free: "cost.free",
  fixed_price: "cost.fixedPrice",
  voucher: "cost.voucher",
  income_related: "cost.incomeRelated",
} as const satisfies Record<CostKind, string>;

function ServiceList({ services, language }: { services: ServiceSummary[]; language: Language }) {
  if (services.length === 0) return null;
  return (
    <ol className="service-list">
      {services.map((service) => (
        <li key={service.id} className="service-list__item">
          <h3 className="heading-s service-list__name">
            <a href={`/services/${service.id}`}>
              <Localized value={service.name} pageLanguage={language} />
            </a>
          </h3>
          <p className="service-list__provider">
            <Localized value={service.provider.name} pageLanguage={language} />{" "}
            <ProviderTypeTag type={service.provider.type} />
          </p>
          <Localized as="p" value={service.summary} pageLanguage={language} className="service-list__summary" />
          <p className="service-list__meta">
            {service.cost ? <CostText cost={service.cost} language={language} /> : null}
            {service.municipalityCodes.length > 0 ? (
              <span className="service-list__area">
                {" · "}
                {formatMunicipalities(service.municipalityCodes, language)}
              </span>
            ) : null}
          </p>
        </li>
      ))}
    </ol>
  );
}
