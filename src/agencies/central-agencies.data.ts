// TEMPORARY placeholder until the curated list lands (will be overwritten).
export type CentralAgencyKind = 'kementerian_koordinator' | 'kementerian' | 'lembaga';
export interface CentralAgencySeed {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly abbreviation: string;
  readonly aliases: readonly string[];
  readonly formerNames: readonly string[];
  readonly kind: CentralAgencyKind;
}
export const CENTRAL_AGENCIES: readonly CentralAgencySeed[] = [
  {
    code: 'P.KEMENKES',
    name: 'Kementerian Kesehatan',
    nameEn: 'Ministry of Health',
    abbreviation: 'Kemenkes',
    aliases: ['Kemkes'],
    formerNames: [],
    kind: 'kementerian',
  },
];
