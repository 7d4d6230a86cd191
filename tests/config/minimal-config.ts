// The smallest valid menerva.yaml, shared by the config tests; each test adds what it is about.
export const MINIMAL = `start: 2025-01
se_partners: [BLM, Arbeidskansen, LIV aan het werk, Alternatief]
nec_partners: [Q-Jobs, Flexer, Itzu Jobs]
fees:
  hourly: [{from: 2025-01-01, rate: 2.50}]
inputs:
  hours: [exports/uren-*.csv]
  benefits: [exports/voordelen*.csv]
  staff: [exports/personeel.csv]
`;
