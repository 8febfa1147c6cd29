/**
 * Reference data the synthetic portfolio is drawn from: the observation period, NAF sectors with their risk
 * profile, INSEE regions, and pieces of fake employer names. Figures are plausible orders of magnitude for French
 * group "prévoyance", not calibrated on any real portfolio.
 */
export const PERIOD = {start: "2021-01-01", end: "2025-12-31"} as const;
export const SNAPSHOT_DATE = "2026-01-15";
/** The abuse-scoring model went live on this date (scores and the `model` expertise arm exist from then on). */
export const MODEL_START = "2023-01-01";

export interface Sector {
  naf: string;
  label: string;
  /** Share of contracts in the portfolio (relative weight). */
  weight: number;
  /** Multiplier on incapacity frequency. */
  incapacity: number;
  cadreShare: number;
  femaleShare: number;
  /** Yearly staff turnover. */
  turnover: number;
  /** Word an employer name starts with. */
  prefix: readonly string[];
}

export const SECTORS: readonly Sector[] = [
  {
    naf: "86.10Z",
    label: "Hospitals",
    weight: 10,
    incapacity: 1.35,
    cadreShare: 0.15,
    femaleShare: 0.78,
    turnover: 0.07,
    prefix: ["Clinique", "Centre hospitalier", "Polyclinique"]
  },
  {
    naf: "49.41A",
    label: "Road freight",
    weight: 9,
    incapacity: 1.3,
    cadreShare: 0.08,
    femaleShare: 0.15,
    turnover: 0.084,
    prefix: ["Transports", "Logistique routière"]
  },
  {
    naf: "47.11F",
    label: "Hypermarkets",
    weight: 8,
    incapacity: 1.15,
    cadreShare: 0.1,
    femaleShare: 0.6,
    turnover: 0.112,
    prefix: ["Hypermarché", "Distribution"]
  },
  {
    naf: "62.01Z",
    label: "Software development",
    weight: 10,
    incapacity: 0.65,
    cadreShare: 0.65,
    femaleShare: 0.28,
    turnover: 0.091,
    prefix: ["Logiciels", "Numérique", "Data"]
  },
  {
    naf: "84.11Z",
    label: "General public administration",
    weight: 6,
    incapacity: 1.15,
    cadreShare: 0.25,
    femaleShare: 0.62,
    turnover: 0.042,
    prefix: ["Syndicat intercommunal", "Communauté de communes"]
  },
  {
    naf: "41.20A",
    label: "Building construction",
    weight: 9,
    incapacity: 1.35,
    cadreShare: 0.1,
    femaleShare: 0.1,
    turnover: 0.084,
    prefix: ["Bâtiment", "Constructions"]
  },
  {
    naf: "88.10A",
    label: "Home help",
    weight: 8,
    incapacity: 1.3,
    cadreShare: 0.07,
    femaleShare: 0.88,
    turnover: 0.105,
    prefix: ["Aide à domicile", "Services à la personne"]
  },
  {
    naf: "56.10A",
    label: "Restaurants",
    weight: 7,
    incapacity: 1.05,
    cadreShare: 0.07,
    femaleShare: 0.5,
    turnover: 0.14,
    prefix: ["Restaurant", "Brasserie"]
  },
  {
    naf: "64.19Z",
    label: "Banking",
    weight: 6,
    incapacity: 0.85,
    cadreShare: 0.45,
    femaleShare: 0.55,
    turnover: 0.049,
    prefix: ["Banque", "Crédit"]
  },
  {
    naf: "25.62B",
    label: "Mechanical engineering",
    weight: 8,
    incapacity: 1.1,
    cadreShare: 0.18,
    femaleShare: 0.2,
    turnover: 0.056,
    prefix: ["Mécanique", "Usinage"]
  },
  {
    naf: "52.10B",
    label: "Warehousing",
    weight: 7,
    incapacity: 1.25,
    cadreShare: 0.1,
    femaleShare: 0.3,
    turnover: 0.098,
    prefix: ["Entrepôts", "Plateforme logistique"]
  },
  {
    naf: "70.22Z",
    label: "Business consulting",
    weight: 5,
    incapacity: 0.75,
    cadreShare: 0.6,
    femaleShare: 0.5,
    turnover: 0.098,
    prefix: ["Conseil", "Stratégie"]
  },
  {
    naf: "85.59A",
    label: "Vocational training",
    weight: 5,
    incapacity: 0.95,
    cadreShare: 0.35,
    femaleShare: 0.6,
    turnover: 0.07,
    prefix: ["Formation", "Institut"]
  }
];

/** Sectors eligible for the planted sector-wide drift (enough contracts, plausible story). */
export const DRIFT_SECTOR_CANDIDATES = ["49.41A", "88.10A", "47.11F", "52.10B"] as const;

/** INSEE region codes with relative weights (roughly the salaried workforce). */
export const REGIONS: readonly {code: string; weight: number}[] = [
  {code: "11", weight: 30},
  {code: "84", weight: 13},
  {code: "93", weight: 8},
  {code: "75", weight: 9},
  {code: "76", weight: 9},
  {code: "44", weight: 8},
  {code: "32", weight: 9},
  {code: "28", weight: 5},
  {code: "53", weight: 5},
  {code: "52", weight: 6},
  {code: "24", weight: 4},
  {code: "27", weight: 4}
];

/** A département number in each region, for the NIR's birthplace digits. */
export const REGION_DEPARTMENTS: Record<string, readonly string[]> = {
  "11": ["75", "92", "93", "94", "91", "78", "95", "77"],
  "84": ["69", "38", "42", "63", "74"],
  "93": ["13", "06", "83", "84"],
  "75": ["33", "87", "64", "17"],
  "76": ["31", "34", "30", "66"],
  "44": ["67", "68", "57", "51"],
  "32": ["59", "62", "80", "60"],
  "28": ["76", "14", "50"],
  "53": ["35", "29", "56", "22"],
  "52": ["44", "49", "72", "85"],
  "24": ["45", "37", "18"],
  "27": ["21", "25", "71"]
};

export const SURNAMES = [
  "Martin",
  "Bernard",
  "Dubois",
  "Thomas",
  "Robert",
  "Richard",
  "Petit",
  "Durand",
  "Leroy",
  "Moreau",
  "Simon",
  "Laurent",
  "Lefebvre",
  "Michel",
  "Garcia",
  "David",
  "Bertrand",
  "Roux",
  "Vincent",
  "Fournier",
  "Morel",
  "Girard",
  "André",
  "Mercier",
  "Dupont",
  "Lambert",
  "Bonnet",
  "François",
  "Martinez",
  "Legrand",
  "Garnier",
  "Faure",
  "Rousseau",
  "Blanc",
  "Guérin",
  "Muller",
  "Henry",
  "Roussel",
  "Nicolas",
  "Perrin",
  "Morin",
  "Mathieu"
] as const;

export const PLACES = [
  "du Rhône",
  "de l'Ouest",
  "du Nord",
  "de Provence",
  "d'Alsace",
  "de Bretagne",
  "du Centre",
  "de Loire",
  "des Alpes",
  "de Normandie",
  "d'Occitanie",
  "de Picardie",
  "du Val",
  "de la Côte",
  "Atlantique"
] as const;

export const LEGAL_FORMS = ["SAS", "SARL", "SA", "SASU", "SCOP"] as const;
