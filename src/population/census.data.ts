/**
 * Figures from the 2020 population census (Sensus Penduduk 2020, BPS; population as of September
 * 2020) that the synthetic register is shaped to. Reference data, not code: no logic here.
 */

/**
 * Population by province at SP2020, keyed by Kemendagri province code (the codes of idn-area-data's
 * provinces.csv). The 34 provinces of 2020 add up to the census total of 270,203,917.
 *
 * Papua (91) and Papua Barat (92) were split in 2022 into six provinces. SP2020 counted the old
 * provinces, 4,303,707 and 1,134,068 people, and those totals are kept exactly; they are
 * apportioned by the SP2020 populations of the regencies each new province took over:
 *   - Papua Selatan (93): Merauke, Boven Digoel, Mappi, Asmat — 513,617, BPS's own SP2020 figure
 *     for the new province, kept as is.
 *   - Papua Tengah (94), Papua Pegunungan (95) and the remaining Papua (91): sums of their
 *     regencies' SP2020 populations (1,390,450; 1,393,438; 1,008,086), scaled by 0.9995 so that
 *     the three add up to the remaining 3,790,090 (the regency figures at hand exceed it by 1,884).
 *   - Papua Barat Daya (96: Sorong, Kota Sorong, Sorong Selatan, Raja Ampat, Tambrauw, Maybrat) and
 *     the remaining Papua Barat (92): regency sums 592,108 and 549,819, scaled to the old
 *     province's 1,134,068 (the regency figures at hand exceed it by 0.7%).
 * Scaling moves no province by more than 0.7%, well inside what a synthetic register needs.
 */
export const CENSUS_2020_PROVINCE_POPULATION: ReadonlyMap<string, number> = new Map([
  ['11', 5_274_871], // Aceh
  ['12', 14_799_361], // Sumatera Utara
  ['13', 5_534_472], // Sumatera Barat
  ['14', 6_394_087], // Riau
  ['15', 3_548_228], // Jambi
  ['16', 8_467_432], // Sumatera Selatan
  ['17', 2_010_670], // Bengkulu
  ['18', 9_007_848], // Lampung
  ['19', 1_455_678], // Kepulauan Bangka Belitung
  ['21', 2_064_564], // Kepulauan Riau
  ['31', 10_562_088], // DKI Jakarta
  ['32', 48_274_162], // Jawa Barat
  ['33', 36_516_035], // Jawa Tengah
  ['34', 3_668_719], // DI Yogyakarta
  ['35', 40_665_696], // Jawa Timur
  ['36', 11_904_562], // Banten
  ['51', 4_317_404], // Bali
  ['52', 5_320_092], // Nusa Tenggara Barat
  ['53', 5_325_566], // Nusa Tenggara Timur
  ['61', 5_414_390], // Kalimantan Barat
  ['62', 2_669_969], // Kalimantan Tengah
  ['63', 4_073_584], // Kalimantan Selatan
  ['64', 3_766_039], // Kalimantan Timur
  ['65', 701_814], // Kalimantan Utara
  ['71', 2_621_923], // Sulawesi Utara
  ['72', 2_985_734], // Sulawesi Tengah
  ['73', 9_073_509], // Sulawesi Selatan
  ['74', 2_624_875], // Sulawesi Tenggara
  ['75', 1_171_681], // Gorontalo
  ['76', 1_419_229], // Sulawesi Barat
  ['81', 1_848_923], // Maluku
  ['82', 1_282_937], // Maluku Utara
  ['91', 1_007_585], // Papua (since 2022: Jayapura, Biak, Yapen, Sarmi, Keerom, Waropen, Supiori, Mamberamo Raya)
  ['92', 546_035], // Papua Barat (since 2022)
  ['93', 513_617], // Papua Selatan
  ['94', 1_389_759], // Papua Tengah
  ['95', 1_392_746], // Papua Pegunungan
  ['96', 588_033], // Papua Barat Daya
]);

/** The SP2020 total: the sum of the figures above. */
export const CENSUS_2020_TOTAL = 270_203_917;

/**
 * The age pyramid by five-year group (years from, years to exclusive; share of the population).
 * Shaped to SP2020's broad groups — 0–14: 23.3%, 15–64: 70.7%, 65+: 6.0%, 60+: 10.7% — with a
 * smooth decline inside them; the five-year shares are approximations, not published figures.
 */
export const CENSUS_2020_AGE_GROUPS: readonly { from: number; to: number; share: number }[] = [
  { from: 0, to: 5, share: 0.076 },
  { from: 5, to: 10, share: 0.079 },
  { from: 10, to: 15, share: 0.078 },
  { from: 15, to: 20, share: 0.082 },
  { from: 20, to: 25, share: 0.082 },
  { from: 25, to: 30, share: 0.08 },
  { from: 30, to: 35, share: 0.079 },
  { from: 35, to: 40, share: 0.078 },
  { from: 40, to: 45, share: 0.075 },
  { from: 45, to: 50, share: 0.069 },
  { from: 50, to: 55, share: 0.062 },
  { from: 55, to: 60, share: 0.052 },
  { from: 60, to: 65, share: 0.048 },
  { from: 65, to: 70, share: 0.026 },
  { from: 70, to: 75, share: 0.016 },
  { from: 75, to: 80, share: 0.009 },
  { from: 80, to: 85, share: 0.005 },
  { from: 85, to: 90, share: 0.0025 },
  { from: 90, to: 100, share: 0.001 },
];

/** SP2020: 50.58% of the population are men. */
export const CENSUS_2020_MEN_SHARE = 0.5058;
