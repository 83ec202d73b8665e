import type { LocalizedText } from "../i18n.ts";

/**
 * Luukku's needs taxonomy: open, two levels (category → need). Screening answers
 * become these codes, services are tagged with them, and unmet needs are reported by
 * them. It lives here, beside the engine that derives needs, because the codes are part
 * of the domain's types; `db/seed` copies it into `taxonomy_term` so the catalogue and
 * HSDS export can reference it.
 *
 * `openEligibility` names the closest Open Eligibility term where one fits, for exchange
 * with catalogues that use it; it is a mapping, not an identity.
 */

export const needsTaxonomy = {
  id: "luukku-needs",
  version: "1.0.0",
  uri: "https://luukku.example/taxonomy/needs/1.0.0",
} as const;

interface CategoryDefinition {
  name: LocalizedText;
}

export const needCategories = {
  "daily-living": { name: { en: "Daily living and care at home", fi: "Arjessa selviytyminen ja kotihoito", sv: "Vardagen och vård i hemmet" } },
  health: { name: { en: "Health", fi: "Terveys", sv: "Hälsa" } },
  disability: { name: { en: "Disability", fi: "Vammaisuus", sv: "Funktionsnedsättning" } },
  family: { name: { en: "Family and children", fi: "Perhe ja lapset", sv: "Familj och barn" } },
  caring: { name: { en: "Caring for someone", fi: "Läheisen hoitaminen", sv: "Att vårda en närstående" } },
  work: { name: { en: "Work and education", fi: "Työ ja koulutus", sv: "Arbete och utbildning" } },
  money: { name: { en: "Money", fi: "Raha-asiat", sv: "Ekonomi" } },
  housing: { name: { en: "Housing", fi: "Asuminen", sv: "Boende" } },
  safety: { name: { en: "Safety", fi: "Turvallisuus", sv: "Trygghet" } },
  social: { name: { en: "Company and belonging", fi: "Yhteisö ja seura", sv: "Gemenskap och sällskap" } },
  transport: { name: { en: "Getting around", fi: "Liikkuminen", sv: "Att ta sig fram" } },
} as const satisfies Record<string, CategoryDefinition>;

export type NeedCategory = keyof typeof needCategories;

interface NeedDefinition {
  category: NeedCategory;
  name: LocalizedText;
  description: LocalizedText;
  openEligibility?: string;
}

export const needs = {
  "daily-living.home-care": {
    category: "daily-living",
    name: { en: "Personal care at home", fi: "Kotihoito", sv: "Hemvård" },
    description: {
      en: "Help with washing, dressing, medicines and other personal care so you can keep living at home.",
      fi: "Apua peseytymiseen, pukeutumiseen, lääkkeisiin ja muuhun henkilökohtaiseen hoitoon, jotta voit asua kotona.",
      sv: "Hjälp med att tvätta dig, klä på dig, ta mediciner och annan personlig vård så att du kan bo kvar hemma.",
    },
    openEligibility: "In-Home Support",
  },
  "daily-living.household-help": {
    category: "daily-living",
    name: { en: "Help with housework and errands", fi: "Kotiapu ja asiointi", sv: "Hjälp med hushållsarbete och ärenden" },
    description: {
      en: "Cleaning, laundry, shopping and running errands.",
      fi: "Siivousta, pyykinpesua, kauppa-asiointia ja muuta asiointia.",
      sv: "Städning, tvätt, inköp och andra ärenden.",
    },
    openEligibility: "Daily Life Skills",
  },
  "daily-living.meals": {
    category: "daily-living",
    name: { en: "Meals", fi: "Ateriat", sv: "Måltider" },
    description: {
      en: "Meals delivered home or served nearby.",
      fi: "Kotiin kuljetettavat ateriat tai lähellä tarjottavat ruokailut.",
      sv: "Måltider som körs hem eller serveras i närheten.",
    },
    openEligibility: "Food Delivery",
  },
  "daily-living.home-safety": {
    category: "daily-living",
    name: { en: "Safety and adaptations at home", fi: "Kodin turvallisuus ja muutostyöt", sv: "Trygghet och anpassningar i hemmet" },
    description: {
      en: "Safety phones, assistive devices and changes to the home that make daily life safer.",
      fi: "Turvapuhelin, apuvälineet ja asunnon muutostyöt, jotka tekevät arjesta turvallisempaa.",
      sv: "Trygghetstelefon, hjälpmedel och ändringar i bostaden som gör vardagen tryggare.",
    },
    openEligibility: "Home Modification",
  },
  "health.physical": {
    category: "health",
    name: { en: "Physical health and rehabilitation", fi: "Fyysinen terveys ja kuntoutus", sv: "Fysisk hälsa och rehabilitering" },
    description: {
      en: "Health checks, physiotherapy and rehabilitation to keep or regain your strength.",
      fi: "Terveystarkastuksia, fysioterapiaa ja kuntoutusta toimintakyvyn ylläpitämiseksi tai palauttamiseksi.",
      sv: "Hälsokontroller, fysioterapi och rehabilitering för att behålla eller återfå krafterna.",
    },
    openEligibility: "Medical Care",
  },
  "health.memory": {
    category: "health",
    name: { en: "Memory problems", fi: "Muistiongelmat", sv: "Minnesproblem" },
    description: {
      en: "Assessment and support for memory disorders, for the person and their family.",
      fi: "Muistisairauksien arviointia ja tukea sairastuneelle ja läheisille.",
      sv: "Utredning av och stöd vid minnessjukdomar, för personen och de närstående.",
    },
  },
  "health.mental": {
    category: "health",
    name: { en: "Mental health", fi: "Mielenterveys", sv: "Psykisk hälsa" },
    description: {
      en: "Counselling, therapy and recovery support for mental health.",
      fi: "Keskusteluapua, terapiaa ja toipumisen tukea mielenterveyteen.",
      sv: "Samtalsstöd, terapi och stöd för återhämtning när det gäller psykisk hälsa.",
    },
    openEligibility: "Mental Health Care",
  },
  "health.substance-use": {
    category: "health",
    name: { en: "Alcohol, drugs and gambling", fi: "Päihteet ja rahapelaaminen", sv: "Alkohol, droger och spel" },
    description: {
      en: "Help to cut down or stop using alcohol or drugs, or gambling.",
      fi: "Apua päihteiden käytön tai rahapelaamisen vähentämiseen tai lopettamiseen.",
      sv: "Hjälp att minska eller sluta med alkohol, droger eller spel.",
    },
    openEligibility: "Addiction & Recovery",
  },
  "disability.adult-support": {
    category: "disability",
    name: { en: "Support for disabled adults", fi: "Vammaisen aikuisen tuki", sv: "Stöd för vuxna med funktionsnedsättning" },
    description: {
      en: "Service planning, supported living and day activities for disabled adults.",
      fi: "Palvelusuunnittelua, tuettua asumista ja päivätoimintaa vammaisille aikuisille.",
      sv: "Serviceplanering, stödboende och dagverksamhet för vuxna med funktionsnedsättning.",
    },
  },
  "disability.personal-assistance": {
    category: "disability",
    name: { en: "Personal assistance", fi: "Henkilökohtainen apu", sv: "Personlig assistans" },
    description: {
      en: "A personal assistant for daily activities, work, study or hobbies.",
      fi: "Henkilökohtainen avustaja päivittäisiin toimiin, työhön, opiskeluun tai harrastuksiin.",
      sv: "En personlig assistent för dagliga sysslor, arbete, studier eller fritid.",
    },
    openEligibility: "Personal Care",
  },
  "disability.child-speech-therapy": {
    category: "disability",
    name: { en: "Speech therapy for a child", fi: "Lapsen puheterapia", sv: "Talterapi för barn" },
    description: {
      en: "Assessment and therapy for a child's speech, language and communication.",
      fi: "Lapsen puheen, kielen ja vuorovaikutuksen arviointia ja terapiaa.",
      sv: "Bedömning och terapi för barnets tal, språk och kommunikation.",
    },
    openEligibility: "Speech Therapy",
  },
  "disability.child-occupational-therapy": {
    category: "disability",
    name: { en: "Occupational therapy for a child", fi: "Lapsen toimintaterapia", sv: "Arbetsterapi för barn" },
    description: {
      en: "Therapy for a child's motor skills, senses and everyday activities.",
      fi: "Terapiaa lapsen motoriikkaan, aistitoimintoihin ja arjen taitoihin.",
      sv: "Terapi för barnets motorik, sinnen och vardagliga färdigheter.",
    },
    openEligibility: "Occupational Therapy",
  },
  "disability.child-psychological-therapy": {
    category: "disability",
    name: { en: "Psychological support for a child", fi: "Lapsen psykologinen tuki", sv: "Psykologiskt stöd för barn" },
    description: {
      en: "Neuropsychological assessment, psychotherapy and support for a child with developmental needs, including autism.",
      fi: "Neuropsykologista arviointia, psykoterapiaa ja tukea kehityksen erityistarpeisiin, myös autismiin.",
      sv: "Neuropsykologisk bedömning, psykoterapi och stöd för barn med utvecklingsbehov, också autism.",
    },
  },
  "disability.school-support": {
    category: "disability",
    name: { en: "Support at school or day care", fi: "Tuki koulussa tai varhaiskasvatuksessa", sv: "Stöd i skolan eller småbarnspedagogiken" },
    description: {
      en: "Special needs teaching, school assistants and learning support.",
      fi: "Erityisopetusta, koulunkäynnin ohjaajia ja oppimisen tukea.",
      sv: "Specialundervisning, skolgångsbiträden och stöd för lärandet.",
    },
    openEligibility: "Special Education",
  },
  "disability.respite": {
    category: "disability",
    name: { en: "Respite care", fi: "Tilapäishoito", sv: "Avlastning" },
    description: {
      en: "Short breaks when someone else cares for your child or relative.",
      fi: "Lyhyitä hoitojaksoja, joiden aikana joku muu hoitaa lastasi tai läheistäsi.",
      sv: "Korta perioder då någon annan tar hand om ditt barn eller din närstående.",
    },
    openEligibility: "Respite Care",
  },
  "family.parenting": {
    category: "family",
    name: { en: "Parenting support", fi: "Vanhemmuuden tuki", sv: "Stöd i föräldraskapet" },
    description: {
      en: "Family work, home help for families with children and parenting groups.",
      fi: "Perhetyötä, lapsiperheiden kotipalvelua ja vanhempainryhmiä.",
      sv: "Familjearbete, hemservice för barnfamiljer och föräldragrupper.",
    },
    openEligibility: "Parenting Education",
  },
  "family.counselling": {
    category: "family",
    name: { en: "Family and relationship counselling", fi: "Perhe- ja parisuhdeneuvonta", sv: "Familje- och parrådgivning" },
    description: {
      en: "Talking help for couples and families, including after separation.",
      fi: "Keskusteluapua pariskunnille ja perheille, myös eron jälkeen.",
      sv: "Samtalsstöd för par och familjer, också efter en separation.",
    },
    openEligibility: "Family Counseling",
  },
  "caring.carer-support": {
    category: "caring",
    name: { en: "Support for carers", fi: "Omaishoitajan tuki", sv: "Stöd för närståendevårdare" },
    description: {
      en: "Carer's allowance, days off, training and peer groups for people who care for a relative.",
      fi: "Omaishoidon tukea, vapaapäiviä, valmennusta ja vertaisryhmiä läheistään hoitaville.",
      sv: "Stöd för närståendevård, ledighet, utbildning och kamratgrupper för den som vårdar en närstående.",
    },
    openEligibility: "Support Network",
  },
  "work.unemployed-short": {
    category: "work",
    name: { en: "Finding work (unemployed under 12 months)", fi: "Työnhaku (työttömänä alle 12 kuukautta)", sv: "Att hitta arbete (arbetslös under 12 månader)" },
    description: {
      en: "Job search help, training and advice on unemployment benefit.",
      fi: "Apua työnhakuun, koulutusta ja neuvontaa työttömyysturvasta.",
      sv: "Hjälp att söka arbete, utbildning och rådgivning om utkomstskydd för arbetslösa.",
    },
    openEligibility: "Help Find Work",
  },
  "work.unemployed-long": {
    category: "work",
    name: { en: "Long-term unemployment (12 months or more)", fi: "Pitkäaikaistyöttömyys (12 kuukautta tai enemmän)", sv: "Långtidsarbetslöshet (12 månader eller mer)" },
    description: {
      en: "Multi-agency support after a long time out of work: assessing work capacity, rehabilitation and a route back to work.",
      fi: "Monialaista tukea pitkän työttömyyden jälkeen: työkyvyn arviointia, kuntoutusta ja polku takaisin työhön.",
      sv: "Sektorsövergripande stöd efter lång tid utan arbete: bedömning av arbetsförmågan, rehabilitering och en väg tillbaka till arbete.",
    },
    openEligibility: "Help Find Work",
  },
  "work.youth": {
    category: "work",
    name: { en: "Young people: work and study", fi: "Nuoret: työ ja opiskelu", sv: "Unga: arbete och studier" },
    description: {
      en: "Guidance for people under 30 looking for work, study or something to do.",
      fi: "Ohjausta alle 30-vuotiaille, jotka etsivät työtä, opiskelupaikkaa tai tekemistä.",
      sv: "Vägledning för unga under 30 som söker arbete, studieplats eller sysselsättning.",
    },
  },
  "work.rehabilitative": {
    category: "work",
    name: { en: "Rehabilitative work activity", fi: "Kuntouttava työtoiminta", sv: "Arbetsverksamhet i rehabiliteringssyfte" },
    description: {
      en: "Supported, part-time activity that builds routines and work capacity.",
      fi: "Tuettua, osa-aikaista toimintaa, joka vahvistaa arjen rytmiä ja työkykyä.",
      sv: "Stödd verksamhet på deltid som bygger upp rutiner och arbetsförmåga.",
    },
  },
  "work.education": {
    category: "work",
    name: { en: "Education and training", fi: "Koulutus", sv: "Utbildning" },
    description: {
      en: "Courses, vocational training and language studies for adults.",
      fi: "Kursseja, ammatillista koulutusta ja kieliopintoja aikuisille.",
      sv: "Kurser, yrkesutbildning och språkstudier för vuxna.",
    },
    openEligibility: "Skills & Training",
  },
  "money.debt": {
    category: "money",
    name: { en: "Debt", fi: "Velat", sv: "Skulder" },
    description: {
      en: "Free, confidential advice on debts, payment plans and debt restructuring.",
      fi: "Maksutonta ja luottamuksellista neuvontaa veloista, maksusuunnitelmista ja velkajärjestelystä.",
      sv: "Kostnadsfri och konfidentiell rådgivning om skulder, betalningsplaner och skuldsanering.",
    },
    openEligibility: "Financial Education",
  },
  "money.benefits": {
    category: "money",
    name: { en: "Benefits advice", fi: "Etuusneuvonta", sv: "Rådgivning om förmåner" },
    description: {
      en: "Finding out which benefits you can get and help with applying.",
      fi: "Selvitystä siitä, mitä etuuksia voit saada, ja apua niiden hakemiseen.",
      sv: "Ta reda på vilka förmåner du kan få och hjälp med att ansöka.",
    },
    openEligibility: "Government Benefits",
  },
  "money.income": {
    category: "money",
    name: { en: "Not enough money to live on", fi: "Rahat eivät riitä elämiseen", sv: "Pengarna räcker inte till att leva på" },
    description: {
      en: "Social assistance and emergency help when income does not cover basic needs.",
      fi: "Toimeentulotukea ja kiireellistä apua, kun tulot eivät riitä välttämättömiin menoihin.",
      sv: "Utkomststöd och akut hjälp när inkomsterna inte räcker till det nödvändigaste.",
    },
    openEligibility: "Emergency Cash",
  },
  "housing.eviction-risk": {
    category: "housing",
    name: { en: "Risk of losing your home", fi: "Asunnon menettämisen uhka", sv: "Risk att förlora bostaden" },
    description: {
      en: "Rent arrears or an eviction notice: housing advice, negotiation with the landlord and urgent support.",
      fi: "Vuokrarästejä tai häätöuhka: asumisneuvontaa, neuvottelua vuokranantajan kanssa ja kiireellistä tukea.",
      sv: "Hyresskulder eller vräkningshot: boenderådgivning, förhandling med hyresvärden och akut stöd.",
    },
    openEligibility: "Help Pay for Housing",
  },
  "housing.homeless": {
    category: "housing",
    name: { en: "No place to live", fi: "Asunnottomuus", sv: "Bostadslöshet" },
    description: {
      en: "Emergency accommodation and help to find a home.",
      fi: "Kriisimajoitusta ja apua asunnon löytämiseen.",
      sv: "Akut boende och hjälp att hitta en bostad.",
    },
    openEligibility: "Temporary Shelter",
  },
  "housing.advice": {
    category: "housing",
    name: { en: "Housing advice", fi: "Asumisneuvonta", sv: "Boenderådgivning" },
    description: {
      en: "Advice on renting, housing applications and problems with your home.",
      fi: "Neuvontaa vuokra-asumisesta, asuntohakemuksista ja asumisen ongelmista.",
      sv: "Rådgivning om hyresboende, bostadsansökningar och problem med bostaden.",
    },
    openEligibility: "Housing Advice",
  },
  "safety.domestic-abuse": {
    category: "safety",
    name: { en: "Violence or abuse at home", fi: "Lähisuhdeväkivalta", sv: "Våld i nära relationer" },
    description: {
      en: "Shelter, crisis help and counselling for people who experience violence or threats at home.",
      fi: "Turvakotipalveluja, kriisiapua ja keskusteluapua lähisuhteissa väkivaltaa tai uhkailua kokeville.",
      sv: "Skyddshem, krishjälp och samtalsstöd för den som utsätts för våld eller hot i en nära relation.",
    },
    openEligibility: "Help Escape Violence",
  },
  "safety.child-at-risk": {
    category: "safety",
    name: { en: "Worry about a child's safety", fi: "Huoli lapsen turvallisuudesta", sv: "Oro för ett barns trygghet" },
    description: {
      en: "Child welfare: support and protection when a child's health or development is at risk.",
      fi: "Lastensuojelu: tukea ja suojelua, kun lapsen terveys tai kehitys on vaarassa.",
      sv: "Barnskydd: stöd och skydd när ett barns hälsa eller utveckling är i fara.",
    },
    openEligibility: "Immediate Safety",
  },
  "social.isolation": {
    category: "social",
    name: { en: "Loneliness", fi: "Yksinäisyys", sv: "Ensamhet" },
    description: {
      en: "Company, friend visits, day activities and groups to meet people.",
      fi: "Seuraa, ystävätoimintaa, päivätoimintaa ja ryhmiä, joissa tavata muita.",
      sv: "Sällskap, vänverksamhet, dagverksamhet och grupper där man träffar andra.",
    },
    openEligibility: "Peer Support",
  },
  "transport.mobility": {
    category: "transport",
    name: { en: "Transport for people who cannot use public transport", fi: "Kuljetuspalvelu", sv: "Färdtjänst" },
    description: {
      en: "Taxi or minibus rides for people who cannot use public transport on their own.",
      fi: "Taksi- tai pikkubussikyytejä niille, jotka eivät pysty käyttämään joukkoliikennettä itsenäisesti.",
      sv: "Taxi- eller minibussresor för den som inte kan åka kollektivt på egen hand.",
    },
    openEligibility: "Transportation",
  },
} as const satisfies Record<string, NeedDefinition>;

export type NeedCode = keyof typeof needs;

export const needCodes = Object.keys(needs) as NeedCode[];

export function isNeedCode(value: unknown): value is NeedCode {
  return typeof value === "string" && Object.hasOwn(needs, value);
}
