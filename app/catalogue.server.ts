import { z } from "zod";
import { isMunicipalityCode } from "#pathways/areas.ts";
import { costKinds, organizationTypes } from "#pathways/catalogue.ts";
import type { Language } from "#pathways/i18n.ts";
import { isNeedCode, needCategories, needs, type NeedCategory } from "#pathways/needs/taxonomy.ts";
import type { SearchResult } from "#db/catalogue-search.ts";
import { maxSearchLength, searchFields, searchPageSize, type SearchField } from "./catalogue-limits.ts";
import { getCatalogue } from "./db.server.ts";

const maxPage = 500;

/** An empty field means "no filter"; browsers send it when a select is left at "All". */
const optionalParameter = z
  .string()
  .trim()
  .transform((value) => value || undefined)
  .optional();

/** Ticked checkboxes: each one of the options, each at most once (a form never sends more). */
const choices = <Option extends string>(options: readonly [Option, ...Option[]], message: SearchErrorKey) =>
  z.array(z.enum(options, message)).max(options.length, message).refine((values) => new Set(values).size === values.length, message);

/** Query string of /services. Error messages are translation keys in the catalogue namespace. */
const searchParametersSchema = z.object({
  q: optionalParameter.pipe(z.string().max(maxSearchLength, "search.errors.queryTooLong").optional()),
  need: optionalParameter.pipe(z.string().refine(isNeedCode, "search.errors.unknownNeed").optional()),
  municipality: optionalParameter.pipe(z.string().refine(isMunicipalityCode, "search.errors.unknownMunicipality").optional()),
  provider: choices(organizationTypes, "search.errors.unknownProviderType"),
  cost: choices(costKinds, "search.errors.unknownCost"),
  // Paging past the end or with nonsense simply shows the first page.
  page: z.coerce.number().int().min(1).max(maxPage).catch(1),
});

export type SearchErrorKey =
  | "search.errors.queryTooLong"
  | "search.errors.unknownNeed"
  | "search.errors.unknownMunicipality"
  | "search.errors.unknownProviderType"
  | "search.errors.unknownCost";

export interface SearchPage {
  values: { q: string; need: string; municipality: string; provider: string[]; cost: string[] };
  errors: Partial<Record<SearchField, SearchErrorKey>>;
  page: number;
  result: SearchResult | null;
}

/**
 * Validates /services' query and runs the search. With invalid input the page shows the
 * form with messages and no results, rather than guessing what was meant.
 */
export async function searchCatalogue(url: URL, language: Language): Promise<SearchPage> {
  const raw = {
    // A repeated parameter counts once: the first value.
    q: url.searchParams.get("q") ?? undefined,
    need: url.searchParams.get("need") ?? undefined,
    municipality: url.searchParams.get("municipality") ?? undefined,
    // Checkboxes: every value sent counts.
    provider: url.searchParams.getAll("provider"),
    cost: url.searchParams.getAll("cost"),
    page: url.searchParams.get("page") ?? undefined,
  };
  const values = {
    q: (raw.q ?? "").slice(0, maxSearchLength * 2),
    need: raw.need ?? "",
    municipality: raw.municipality ?? "",
    // Only what the page offers can be shown ticked again.
    provider: organizationTypes.filter((type) => raw.provider.includes(type)),
    cost: costKinds.filter((kind) => raw.cost.includes(kind)),
  };
  const parsed = searchParametersSchema.safeParse(raw);
  if (!parsed.success) {
    const errors: SearchPage["errors"] = {};
    for (const issue of parsed.error.issues) {
      const field = searchFields.find((candidate) => candidate === issue.path[0]);
      if (field) errors[field] ??= issue.message as SearchErrorKey;
    }
    return { values, errors, page: 1, result: null };
  }
  const { q, need, municipality, provider, cost, page } = parsed.data;
  const result = await getCatalogue().search({
    text: q,
    needCode: need,
    municipalityCode: municipality,
    providerTypes: provider,
    costKinds: cost,
    language,
    page,
    pageSize: searchPageSize,
  });
  return { values, errors: {}, page, result };
}

/**
 * The need filter's options in the page's language, grouped by category. Named on the
 * server, so the browser does not download the whole taxonomy in three languages.
 */
export function needFilterGroups(language: Language): { label: string; options: { code: string; name: string }[] }[] {
  const groups = new Map<NeedCategory, { code: string; name: string }[]>();
  for (const [code, need] of Object.entries(needs)) {
    let options = groups.get(need.category);
    if (!options) groups.set(need.category, (options = []));
    options.push({ code, name: need.name[language] });
  }
  return [...groups].map(([category, options]) => ({ label: needCategories[category].name[language], options }));
}

const serviceIdSchema = z.string().regex(/^[1-9]\d{0,11}$/).transform(Number);

/** The public page of a service, or null when the id is malformed or nothing published has it. */
export async function findService(serviceId: string | undefined, language: Language) {
  const parsed = serviceIdSchema.safeParse(serviceId);
  if (!parsed.success) return null;
  const service = await getCatalogue().service(parsed.data, language);
  return service && { ...service, needNames: service.needCodes.filter(isNeedCode).map((code) => needs[code].name[language]) };
}
