import type { SeedLocation, SeedOrganization } from "./types.ts";

/**
 * The public bodies of the fictional Järvimaa region. Since the 2023 reform, social and
 * health care are organised by a wellbeing services county; municipalities keep
 * employment services (since 2025), youth work, housing advice, schools and day care.
 * Service files attach their public services to these organisations by key.
 */
export const publicOrganizations: SeedOrganization[] = [
  {
    key: "wellbeing-county",
    type: "public",
    name: {
      en: "Järvimaa Wellbeing Services County",
      fi: "Järvimaan hyvinvointialue",
      sv: "Järvilands välfärdsområde",
    },
    description: {
      en: "Organises social services, health care and rescue services for everyone living in Koskela, Harjavesi, Rantala and Kuusilahti.",
      fi: "Järjestää sosiaali- ja terveyspalvelut sekä pelastustoimen kaikille Koskelan, Harjaveden, Rantalan ja Kuusilahden asukkaille.",
      sv: "Ordnar social- och hälsovård samt räddningsväsende för alla som bor i Forsby, Åsvatten, Strandby och Granvik.",
    },
    website: "https://jarvimaa.example/",
    email: "kirjaamo@jarvimaa.example",
    phone: "+358 3 0000 1000",
    municipality: "koskela",
  },
  {
    key: "koskela-city",
    type: "public",
    name: { en: "City of Koskela", fi: "Koskelan kaupunki", sv: "Forsby stad" },
    description: {
      en: "The city runs schools, day care, youth work, libraries and housing advice for the people of Koskela.",
      fi: "Kaupunki järjestää koulut, varhaiskasvatuksen, nuorisotyön, kirjastot ja asumisneuvonnan koskelalaisille.",
      sv: "Staden ansvarar för skolor, småbarnspedagogik, ungdomsarbete, bibliotek och boenderådgivning för invånarna i Forsby.",
    },
    website: "https://koskela.example/",
    email: "asiakaspalvelu@koskela.example",
    phone: "+358 3 0000 2000",
    municipality: "koskela",
  },
  {
    key: "harjavesi-municipality",
    type: "public",
    name: { en: "Municipality of Harjavesi", fi: "Harjaveden kunta", sv: "Åsvattens kommun" },
    description: {
      en: "A lakeside municipality of 21,000 people that runs schools, day care, youth work and housing advice.",
      fi: "Noin 21 000 asukkaan järvikunta, joka järjestää koulut, varhaiskasvatuksen, nuorisotyön ja asumisneuvonnan.",
      sv: "En sjönära kommun med 21 000 invånare som ansvarar för skolor, småbarnspedagogik, ungdomsarbete och boenderådgivning.",
    },
    website: "https://harjavesi.example/",
    phone: "+358 3 0000 3000",
    municipality: "harjavesi",
  },
  {
    key: "rantala-town",
    type: "public",
    name: { en: "Town of Rantala", fi: "Rantalan kaupunki", sv: "Strandby stad" },
    description: {
      en: "A bilingual town on the coast road that runs schools in Finnish and Swedish, day care, youth work and housing advice.",
      fi: "Kaksikielinen kaupunki rantatien varrella. Järjestää suomen- ja ruotsinkieliset koulut, varhaiskasvatuksen, nuorisotyön ja asumisneuvonnan.",
      sv: "En tvåspråkig stad längs strandvägen som ansvarar för finsk- och svenskspråkiga skolor, småbarnspedagogik, ungdomsarbete och boenderådgivning.",
    },
    website: "https://rantala.example/",
    phone: "+358 3 0000 4000",
    municipality: "rantala",
  },
  {
    key: "kuusilahti-municipality",
    type: "public",
    name: { en: "Municipality of Kuusilahti", fi: "Kuusilahden kunta", sv: "Granviks kommun" },
    description: {
      en: "A rural municipality of 9,000 people with villages spread along the lake shore.",
      fi: "Noin 9 000 asukkaan maaseutukunta, jonka kylät ovat levittäytyneet järven rantaan.",
      sv: "En landsbygdskommun med 9 000 invånare och byar utspridda längs sjöstranden.",
    },
    website: "https://kuusilahti.example/",
    phone: "+358 3 0000 5000",
    municipality: "kuusilahti",
  },
  {
    key: "employment-area",
    type: "public",
    name: {
      en: "Koskela Region Employment Services",
      fi: "Koskelan seudun työllisyyspalvelut",
      sv: "Sysselsättningstjänsterna i Forsbyregionen",
    },
    description: {
      en: "The joint employment area of the four municipalities: job search, training, career guidance and services for people who have been out of work for long.",
      fi: "Neljän kunnan yhteinen työllisyysalue: työnhakua, koulutusta, urapalveluja ja palveluja pitkään työttömänä olleille.",
      sv: "De fyra kommunernas gemensamma sysselsättningsområde: arbetssökande, utbildning, karriärvägledning och tjänster för den som varit länge utan arbete.",
    },
    website: "https://tyollisyys.koskela.example/",
    phone: "+358 3 0000 6000",
    municipality: "koskela",
  },
];

export const publicLocations: SeedLocation[] = [
  {
    key: "koskela-wellbeing-centre",
    organization: "wellbeing-county",
    name: { en: "Koskela Wellbeing Centre", fi: "Koskelan hyvinvointikeskus", sv: "Forsby välfärdscentral" },
    street: "Kauppakatu 12",
    postalCode: "33100",
    municipality: "koskela",
    latitude: 61.4981,
    longitude: 23.7608,
    transportation: {
      en: "Buses 1, 3 and 8 stop at Kauppatori, 100 metres away. Parking in the Keskustori garage.",
      fi: "Bussit 1, 3 ja 8 pysähtyvät Kauppatorilla 100 metrin päässä. Pysäköinti Keskustorin pysäköintitalossa.",
      sv: "Bussarna 1, 3 och 8 stannar vid Salutorget 100 meter bort. Parkering i Keskustori parkeringshus.",
    },
    accessibility: {
      en: "Step-free entrance from Kauppakatu, lifts to every floor, hearing loop at the reception desk.",
      fi: "Esteetön sisäänkäynti Kauppakadulta, hissit kaikkiin kerroksiin, induktiosilmukka vastaanotossa.",
      sv: "Trappfri ingång från Handelsgatan, hissar till alla våningar, hörslinga vid receptionen.",
    },
  },
  {
    key: "harjavesi-health-centre",
    organization: "wellbeing-county",
    name: { en: "Harjavesi Health and Social Services Centre", fi: "Harjaveden sote-keskus", sv: "Åsvattens social- och hälsocentral" },
    street: "Terveystie 4",
    postalCode: "36200",
    municipality: "harjavesi",
    latitude: 61.4662,
    longitude: 24.0731,
    transportation: {
      en: "Bus 50 from Koskela stops at the door. Free parking.",
      fi: "Koskelasta tuleva bussi 50 pysähtyy oven edessä. Maksuton pysäköinti.",
      sv: "Buss 50 från Forsby stannar vid dörren. Gratis parkering.",
    },
  },
  {
    key: "rantala-health-centre",
    organization: "wellbeing-county",
    name: { en: "Rantala Health and Social Services Centre", fi: "Rantalan sote-keskus", sv: "Strandby social- och hälsocentral" },
    street: "Rantatie 22",
    postalCode: "33950",
    municipality: "rantala",
    latitude: 61.4416,
    longitude: 23.5968,
    accessibility: {
      en: "Step-free entrance and accessible toilets.",
      fi: "Esteetön sisäänkäynti ja inva-wc.",
      sv: "Trappfri ingång och tillgängliga toaletter.",
    },
  },
  {
    key: "kuusilahti-service-point",
    organization: "wellbeing-county",
    name: { en: "Kuusilahti Service Point", fi: "Kuusilahden palvelupiste", sv: "Granviks servicepunkt" },
    street: "Kirkkotie 2",
    postalCode: "34600",
    municipality: "kuusilahti",
    latitude: 61.7583,
    longitude: 24.0286,
    transportation: {
      en: "Service line bus on Tuesdays and Thursdays from the villages; ask for the timetable.",
      fi: "Palveluliikenteen bussi kylistä tiistaisin ja torstaisin; kysy aikataulua.",
      sv: "Servicelinjen kör från byarna på tisdagar och torsdagar; fråga efter tidtabellen.",
    },
  },
  {
    key: "koskela-service-point",
    organization: "koskela-city",
    name: { en: "Koskela City Service Point", fi: "Koskelan kaupungin palvelupiste", sv: "Forsby stads servicepunkt" },
    street: "Raatihuoneenkatu 1",
    postalCode: "33210",
    municipality: "koskela",
    latitude: 61.4975,
    longitude: 23.7623,
  },
  {
    key: "koskela-employment-centre",
    organization: "employment-area",
    name: { en: "Koskela Employment Centre", fi: "Koskelan työllisyyskeskus", sv: "Forsby sysselsättningscenter" },
    street: "Hämeenkatu 40",
    postalCode: "33200",
    municipality: "koskela",
    latitude: 61.4989,
    longitude: 23.7548,
    transportation: {
      en: "Tram stop Hämeenkatu right outside.",
      fi: "Raitiovaunupysäkki Hämeenkatu aivan oven edessä.",
      sv: "Spårvagnshållplatsen Tavastgatan precis utanför.",
    },
  },
];
