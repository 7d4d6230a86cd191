// Dutch (default) and English labels of the cost-price outputs.
import type { ComponentKey } from "../domain/costprice/buildup.js";

export type Lang = "nl" | "en";

export type CostPriceLabels = {
  readonly title: string;
  readonly components: Readonly<Record<ComponentKey, string>>;
  readonly partner: string;
  readonly component: string;
  readonly gross: string;
  readonly subsidies: string;
  readonly net: string;
  readonly total: string;
  readonly shareGross: string;
  readonly shareNet: string;
  readonly perHour: string;
  readonly perHourGross: string;
  readonly perHourNet: string;
  readonly perCandidate: string;
  readonly perCandidateGross: string;
  readonly perCandidateNet: string;
  readonly productiveHours: string;
  readonly productiveHoursPerFte: string;
  readonly candidatesPerYear: string;
  readonly occupancy: string;
  readonly atFullOccupancy: string;
  readonly lostSubsidy: string;
  readonly perHourIncrease: string;
  readonly breakEven: string;
  readonly monthlyCost: string;
  readonly monthlyRevenue: string;
  readonly monthlyShare: string;
  readonly coverage: string;
  readonly breakEvenFee: string;
  readonly breakEvenShare: string;
  /** After a break-even fee below zero. */
  readonly coveredByBenefits: string;
  /** After a break-even benefit share below zero. */
  readonly coveredByFees: string;
  readonly breakEvenInflow: string;
  readonly role: string;
  readonly fte: string;
  readonly allottedFte: string;
  readonly yearlyCost: string;
  readonly indexation: string;
  readonly kind: string;
  readonly rate: string;
  readonly amountPerFte: string;
  readonly cap: string;
  readonly ratio: string;
  readonly supervisionFte: string;
  readonly fixed: string;
  readonly perFte: string;
  readonly item: string;
  readonly purchase: string;
  readonly lifetime: string;
  readonly residual: string;
  readonly depreciation: string;
  readonly candidatesPerFte: string;
  readonly hoursPerCandidate: string;
  readonly inputs: string;
  readonly buildUp: string;
  readonly revenueInputs: string;
  readonly inflowPerMonth: string;
  readonly placementRate: string;
  readonly hoursPerPlaced: string;
  readonly benefitsPerPlaced: string;
  readonly feePerHour: string;
  readonly benefitShare: string;
  readonly sePartners: string;
  readonly roundingNote: string;
  readonly breakEvenNote: string;
  readonly yearly: string;
};

const NL: CostPriceLabels = {
  title: "Kostprijs",
  components: {
    staff: "Loonkost doelgroepmedewerkers",
    supervision: "Omkadering",
    consumables: "Verbruiksmateriaal",
    equipment: "Uitrusting (afschrijving)",
    operating: "Werkingsmiddelen",
  },
  partner: "SE-partner",
  component: "Kostenpost",
  gross: "Bruto",
  subsidies: "Subsidies",
  net: "Netto",
  total: "Totaal",
  shareGross: "Aandeel bruto",
  shareNet: "Aandeel netto",
  perHour: "Kost per productief uur",
  perHourGross: "Kost per productief uur (bruto)",
  perHourNet: "Kost per productief uur (netto)",
  perCandidate: "Kost per begeleide kandidaat",
  perCandidateGross: "Kost per begeleide kandidaat (bruto)",
  perCandidateNet: "Kost per begeleide kandidaat (netto)",
  productiveHours: "Productieve uren per jaar",
  productiveHoursPerFte: "Productieve uren per VTE",
  candidatesPerYear: "Begeleide kandidaten per jaar",
  occupancy: "Bezetting",
  atFullOccupancy: "Bij 100% bezetting",
  lostSubsidy: "Gemiste subsidie",
  perHourIncrease: "Meerkost per uur door onderbezetting",
  breakEven: "Break-even",
  monthlyCost: "Nettokost per maand",
  monthlyRevenue: "Omzet project per maand",
  monthlyShare: "Aandeel partner per maand",
  coverage: "Dekkingsgraad",
  breakEvenFee: "Break-even vergoeding per uur",
  breakEvenShare: "Break-even aandeel voordelen",
  coveredByBenefits: "onder nul: de voordelen alleen dekken de kost al",
  coveredByFees: "onder nul: de uurvergoedingen alleen dekken de kost al",
  breakEvenInflow: "Break-even instroom per maand",
  role: "Functie",
  fte: "VTE",
  allottedFte: "Toegewezen VTE",
  yearlyCost: "Loonkost per VTE per jaar",
  indexation: "Indexering per jaar",
  kind: "Soort",
  rate: "Percentage",
  amountPerFte: "Bedrag per VTE",
  cap: "Maximum",
  ratio: "Medewerkers per begeleider",
  supervisionFte: "VTE omkadering",
  fixed: "Vast",
  perFte: "Per VTE",
  item: "Uitrusting",
  purchase: "Aankoopprijs",
  lifetime: "Levensduur (jaar)",
  residual: "Restwaarde",
  depreciation: "Afschrijving per jaar",
  candidatesPerFte: "Kandidaten per VTE per jaar",
  hoursPerCandidate: "Uren per traject",
  inputs: "Invoer",
  buildUp: "Opbouw kostprijs (per jaar)",
  revenueInputs: "Opbrengsten MENERVA (invoer)",
  inflowPerMonth: "Instroom per maand",
  placementRate: "Plaatsingsgraad",
  hoursPerPlaced: "Gefactureerde uren per geplaatste",
  benefitsPerPlaced: "Voordelen per geplaatste",
  feePerHour: "Vergoeding per uur",
  benefitShare: "Aandeel voordelen",
  sePartners: "Aantal SE-partners",
  roundingNote:
    "Bedragen per lijn afgerond op centen (half van nul weg); totalen zijn sommen van de lijnen; bedragen per uur en per kandidaat afgerond op centen.",
  breakEvenNote:
    "Stabiele toestand: omzet = instroom × plaatsingsgraad × (uren × vergoeding + voordelen × aandeel), gelijk verdeeld over de SE-partners.",
  yearly: "per jaar",
};

const EN: CostPriceLabels = {
  title: "Cost price",
  components: {
    staff: "Wage cost of the workers",
    supervision: "Supervision",
    consumables: "Consumables",
    equipment: "Equipment (depreciation)",
    operating: "Operating costs",
  },
  partner: "SE partner",
  component: "Cost component",
  gross: "Gross",
  subsidies: "Subsidies",
  net: "Net",
  total: "Total",
  shareGross: "Share of gross",
  shareNet: "Share of net",
  perHour: "Cost per productive hour",
  perHourGross: "Cost per productive hour (gross)",
  perHourNet: "Cost per productive hour (net)",
  perCandidate: "Cost per coached candidate",
  perCandidateGross: "Cost per coached candidate (gross)",
  perCandidateNet: "Cost per coached candidate (net)",
  productiveHours: "Productive hours a year",
  productiveHoursPerFte: "Productive hours per FTE",
  candidatesPerYear: "Coached candidates a year",
  occupancy: "Occupancy",
  atFullOccupancy: "At 100% occupancy",
  lostSubsidy: "Subsidy lost",
  perHourIncrease: "Extra cost per hour from under-occupancy",
  breakEven: "Break-even",
  monthlyCost: "Net cost a month",
  monthlyRevenue: "Project revenue a month",
  monthlyShare: "Partner's share a month",
  coverage: "Coverage",
  breakEvenFee: "Break-even fee per hour",
  breakEvenShare: "Break-even benefit share",
  coveredByBenefits: "below zero: the benefits alone already cover the cost",
  coveredByFees: "below zero: the hourly fees alone already cover the cost",
  breakEvenInflow: "Break-even inflow a month",
  role: "Role",
  fte: "FTE",
  allottedFte: "Allotted FTE",
  yearlyCost: "Wage cost per FTE a year",
  indexation: "Indexation a year",
  kind: "Kind",
  rate: "Rate",
  amountPerFte: "Amount per FTE",
  cap: "Cap",
  ratio: "Workers per supervisor",
  supervisionFte: "Supervision FTE",
  fixed: "Fixed",
  perFte: "Per FTE",
  item: "Item",
  purchase: "Purchase price",
  lifetime: "Lifetime (years)",
  residual: "Residual value",
  depreciation: "Depreciation a year",
  candidatesPerFte: "Candidates per FTE a year",
  hoursPerCandidate: "Hours per trajectory",
  inputs: "Inputs",
  buildUp: "Cost build-up (a year)",
  revenueInputs: "MENERVA revenue (inputs)",
  inflowPerMonth: "Inflow a month",
  placementRate: "Placement rate",
  hoursPerPlaced: "Billed hours per placed worker",
  benefitsPerPlaced: "Benefits per placed worker",
  feePerHour: "Fee per hour",
  benefitShare: "Benefit share",
  sePartners: "Number of SE partners",
  roundingNote:
    "Line amounts rounded to cents (half away from zero); totals are sums of the lines; per-hour and per-candidate figures rounded to cents.",
  breakEvenNote:
    "Steady state: revenue = inflow × placement rate × (hours × fee + benefits × share), split equally over the SE partners.",
  yearly: "a year",
};

export const costPriceLabels = (lang: Lang): CostPriceLabels => (lang === "en" ? EN : NL);
