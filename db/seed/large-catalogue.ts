import { municipalityCodes, type MunicipalityCode } from "#pathways/areas.ts";
import type { LocalizedText } from "#pathways/i18n.ts";
import { needCodes, needs, type NeedCode } from "#pathways/needs/taxonomy.ts";
import type { PersonalDataCategory } from "#pathways/personal-data.ts";
import type { CostKind, CostUnit, DemoCatalogue, SeedOrganization, SeedService } from "./demo/types.ts";

/**
 * A deterministic generator of large catalogues for benchmarks: the same `serviceCount`
 * and `seed` always give the same catalogue. Text is built from the needs taxonomy and
 * word lists, with generated provider names, so searches meet both common terms (in
 * thousands of services) and rare ones (in a handful), as in a real regional catalogue.
 */

/** mulberry32: a small, fast PRNG with a 32-bit state; good enough for test data. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const integer = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const sample = <T>(items: readonly T[], count: number): T[] => {
    const pool = [...items];
    const chosen: T[] = [];
    while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
    return chosen;
  };
  return { next, integer, pick, sample };
}

const syllables = ["ka", "la", "ri", "to", "mä", "ne", "su", "vi", "ho", "ran", "kos", "jär", "lin", "mets", "pel", "ta", "kal", "lah", "ti", "sa"];
const providerKinds: { type: SeedOrganization["type"]; suffix: LocalizedText }[] = [
  { type: "private", suffix: { fi: "Oy", sv: "Ab", en: "Ltd" } },
  { type: "private", suffix: { fi: "Palvelut Oy", sv: "Tjänster Ab", en: "Services Ltd" } },
  { type: "non_profit", suffix: { fi: "ry", sv: "rf", en: "Association" } },
  { type: "non_profit", suffix: { fi: "-säätiö", sv: "stiftelsen", en: "Foundation" } },
  { type: "public", suffix: { fi: "palvelukeskus", sv: "servicecentral", en: "Service Centre" } },
];
const qualifiers: LocalizedText[] = [
  { fi: "Kotiin annettava", sv: "Hemma given", en: "At-home" },
  { fi: "Ryhmämuotoinen", sv: "Gruppbaserad", en: "Group" },
  { fi: "Yksilöllinen", sv: "Individuell", en: "Individual" },
  { fi: "Ilta- ja viikonloppu", sv: "Kvälls- och veckosluts", en: "Evening and weekend" },
  { fi: "Etänä annettava", sv: "Distans", en: "Remote" },
  { fi: "Kiireellinen", sv: "Akut", en: "Urgent" },
  { fi: "Matalan kynnyksen", sv: "Lågtröskel", en: "Drop-in" },
];
const fillers: LocalizedText[] = [
  {
    fi: "Palvelu suunnitellaan yhdessä kanssasi, ja voit tuoda mukanasi läheisen.",
    sv: "Tjänsten planeras tillsammans med dig, och du kan ta med dig en närstående.",
    en: "The service is planned together with you, and you can bring someone close to you.",
  },
  {
    fi: "Työntekijämme ovat koulutettuja sosiaali- ja terveysalan ammattilaisia.",
    sv: "Våra anställda är utbildade yrkespersoner inom social- och hälsovården.",
    en: "Our staff are trained social and health care professionals.",
  },
  {
    fi: "Tarvittaessa järjestämme tulkin maksutta.",
    sv: "Vid behov ordnar vi en tolk utan kostnad.",
    en: "We arrange an interpreter free of charge when needed.",
  },
  {
    fi: "Ajan voi varata puhelimitse tai verkossa.",
    sv: "Du kan boka tid per telefon eller på nätet.",
    en: "You can book a time by phone or online.",
  },
];
const languagePool = ["fi", "sv", "en", "ru", "et", "ar", "so", "uk", "fa"];
const costUnits: CostUnit[] = ["hour", "visit", "session", "month", "meal"];
const referralCategories: PersonalDataCategory[] = ["name-and-contact", "date-of-birth", "address", "needs-summary"];

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function generateLargeCatalogue(serviceCount: number, seed = 20261130): DemoCatalogue {
  const random = createRandom(seed);
  const organizationCount = Math.max(1, Math.ceil(serviceCount / 12));
  const organizations: SeedOrganization[] = [];
  for (let index = 0; index < organizationCount; index += 1) {
    const kind = random.pick(providerKinds);
    const stem = capitalise(Array.from({ length: random.integer(2, 3) }, () => random.pick(syllables)).join(""));
    const name: LocalizedText = {
      fi: `${stem} ${kind.suffix.fi}`,
      sv: `${stem} ${kind.suffix.sv}`,
      en: `${stem} ${kind.suffix.en}`,
    };
    organizations.push({
      key: `gen-org-${index}`,
      type: kind.type,
      name,
      description: {
        fi: `${name.fi} tuottaa palveluja Järvimaan alueella.`,
        sv: `${name.sv} producerar tjänster i Järvilandområdet.`,
        en: `${name.en} provides services in the Järvimaa region.`,
      },
      phone: `+358 3 ${String(1000 + (index % 9000)).padStart(4, "0")} ${String(index % 10000).padStart(4, "0")}`,
      municipality: random.pick(municipalityCodes),
    });
  }

  const services: SeedService[] = [];
  for (let index = 0; index < serviceCount; index += 1) {
    const organization = organizations[index % organizationCount]!;
    const serviceNeeds = random.sample(needCodes, random.integer(1, 3)) as NeedCode[];
    const main = needs[serviceNeeds[0]!];
    const qualifier = random.pick(qualifiers);
    const filler = random.pick(fillers);
    const areas: MunicipalityCode[] = random.next() < 0.3 ? [...municipalityCodes] : random.sample(municipalityCodes, random.integer(1, 2));
    const costKind: CostKind = random.pick(["free", "free", "fixed_price", "voucher", "income_related"] as const);
    const minimumAge = random.next() < 0.25 ? random.pick([18, 30, 65]) : undefined;
    const text = (language: keyof LocalizedText) => ({
      name: `${qualifier[language]} ${main.name[language].toLocaleLowerCase(language)} ${index}`,
      summary: main.description[language],
      description: `${main.description[language]} ${filler[language]} ${serviceNeeds
        .slice(1)
        .map((code) => needs[code].name[language])
        .join(". ")}`.trim(),
    });
    const fi = text("fi");
    const sv = text("sv");
    const en = text("en");
    services.push({
      key: `gen-service-${index}`,
      organization: organization.key,
      name: { fi: capitalise(fi.name), sv: capitalise(sv.name), en: capitalise(en.name) },
      summary: { fi: fi.summary, sv: sv.summary, en: en.summary },
      description: { fi: fi.description, sv: sv.description, en: en.description },
      applicationProcess: { fi: "Soita tai tule paikan päälle.", sv: "Ring eller kom på plats.", en: "Call or come in." },
      eligibility: { fi: "Alueen asukkaat.", sv: "Invånare i området.", en: "Residents of the area." },
      needs: serviceNeeds,
      ...(minimumAge === undefined ? {} : { minimumAge }),
      areas,
      residencyRequired: organization.type === "public",
      cost: {
        kind: costKind,
        ...(costKind === "fixed_price" ? { amount: random.integer(10, 120), unit: random.pick(costUnits) } : {}),
        description: { fi: "Katso hinnasto.", sv: "Se prislistan.", en: "See the price list." },
      },
      languages: ["fi", ...random.sample(languagePool.slice(1), random.integer(0, 2))],
      locations: [],
      delivery: [random.pick(["in_person", "at_home", "phone", "online"] as const)],
      schedules: [{ byday: "MO,TU,WE,TH,FR", opensAt: "08:00", closesAt: "16:00" }],
      acceptsReferrals: random.next() < 0.8,
      referralData: referralCategories,
      typicalWaitDays: random.integer(0, 60),
      capacity: random.pick(["available", "available", "limited", "waitlist", "full"] as const),
      ...(random.next() < 0.6 ? { qualityRating: Math.round((3 + random.next() * 2) * 10) / 10 } : {}),
    });
  }
  return { organizations, locations: [], services };
}

/** Where `npm run db:seed:large` puts a generated catalogue unless told otherwise. */
export function largeDatabasePath(serviceCount: number): string {
  return `data/large-${serviceCount}.db`;
}
