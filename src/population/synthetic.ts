import fs from 'node:fs/promises';
import { isCalendarDate } from '../platform/dates.ts';
import { toCsvLine } from '../platform/csv.ts';
import {
  CENSUS_2020_AGE_GROUPS,
  CENSUS_2020_PROVINCE_POPULATION,
  CENSUS_2020_TOTAL,
} from './census.data.ts';
import { formatNik, type Sex } from './nik.ts';
import { randomGenerator } from '../platform/random.ts';

export { randomGenerator } from '../platform/random.ts';

export interface SyntheticPerson {
  nik: string;
  name: string;
  sex: Sex;
  birthDate: string;
  villageCode: string;
  familyCardNumber: string | null;
  motherName: string | null;
  deathDate: string | null;
}

export interface SyntheticImmunization {
  nik: string;
  vaccine: string;
  dose: number;
  date: string;
  facilityVillageCode: string | null;
}

/** The vaccines the generator knows, in the order their doses are listed for a person. */
export const SYNTHETIC_VACCINES = ['BCG', 'POLIO', 'DPT-HB-HIB', 'MR', 'COVID-19'] as const;
export type SyntheticVaccine = (typeof SYNTHETIC_VACCINES)[number];

export interface RegisterOptions {
  /** How many people. */
  count: number;
  /** The same seed (and options) gives the same register; a larger count extends a smaller one. */
  seed: number;
  /** Dotted village codes (`32.04.11.2001`) people live in; provinces get their SP2020 share. */
  villages: readonly string[];
  /** `YYYY-MM-DD`: nobody is born, dies or is vaccinated after it. */
  today: string;
  /** The vaccines to emit (default: all of SYNTHETIC_VACCINES); fewer vaccines leave people unchanged. */
  vaccines?: readonly string[];
}

const DAY_MS = 86_400_000;
const YEAR_DAYS = 365.2425;

function dayOf(isoDate: string): number {
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

/**
 * A stable number in [0, 1) from a text and a salt (FNV-1a): a region's character does not depend
 * on the seed.
 */
function hashUnit(text: string, salt: number): number {
  let hash = 0x811c9dc5 ^ salt;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  return ((hash ^ (hash >>> 13)) >>> 0) / 4294967296;
}

// ---------------------------------------------------------------------------------------------
// Names: a few regional naming traditions, the rest of the country shares the common list.

interface NamePool {
  readonly men: readonly string[];
  readonly women: readonly string[];
  readonly family: readonly string[];
  /** Share of people known by one name only (common in Java). */
  readonly singleName: number;
}

const COMMON_NAMES: NamePool = {
  men: [
    'Budi',
    'Agus',
    'Eko',
    'Andi',
    'Ahmad',
    'Muhammad',
    'Rizky',
    'Dedi',
    'Hendra',
    'Joko',
    'Bambang',
    'Slamet',
    'Fajar',
    'Arif',
    'Yusuf',
    'Hadi',
    'Dimas',
    'Rudi',
    'Wahyu',
    'Teguh',
    'Irfan',
    'Bayu',
  ],
  women: [
    'Siti',
    'Dewi',
    'Sri',
    'Rina',
    'Putri',
    'Nur',
    'Fitri',
    'Ayu',
    'Wulan',
    'Indah',
    'Ratna',
    'Yuni',
    'Dian',
    'Ani',
    'Nurul',
    'Aisyah',
    'Intan',
    'Sari',
    'Kartika',
    'Mega',
  ],
  family: [
    'Santoso',
    'Wijaya',
    'Saputra',
    'Hidayat',
    'Kurniawan',
    'Pratama',
    'Rahman',
    'Susanti',
    'Setiawan',
    'Gunawan',
    'Nugroho',
    'Permana',
    'Hakim',
    'Syahputra',
    'Wibowo',
    'Utami',
    'Rahayu',
    'Purnomo',
    'Hasan',
    'Lestari',
  ],
  singleName: 0.25,
};
const CHRISTIAN_MEN = ['Yohanes', 'Petrus', 'Markus', 'Yakob', 'Daniel', 'Samuel', 'Stefanus'];
const CHRISTIAN_WOMEN = ['Maria', 'Yuliana', 'Agustina', 'Elisabeth', 'Fransiska', 'Debora'];
const NAMES_BY_PROVINCE: ReadonlyMap<string, NamePool> = (() => {
  const batak: NamePool = {
    men: [...COMMON_NAMES.men.slice(0, 10), ...CHRISTIAN_MEN],
    women: [...COMMON_NAMES.women.slice(0, 10), ...CHRISTIAN_WOMEN],
    family: ['Siregar', 'Nasution', 'Sihombing', 'Simanjuntak', 'Harahap', 'Lubis', 'Sitorus'],
    singleName: 0.05,
  };
  const bali: NamePool = {
    men: ['I Wayan', 'I Made', 'I Nyoman', 'I Ketut', 'I Putu', 'I Kadek', 'I Komang'],
    women: ['Ni Wayan', 'Ni Made', 'Ni Nyoman', 'Ni Ketut', 'Ni Putu', 'Ni Kadek', 'Ni Komang'],
    family: ['Sudarma', 'Astawa', 'Suarjana', 'Ariani', 'Sukerti', 'Wirawan', 'Dharma', 'Suastika'],
    singleName: 0,
  };
  const minahasaMaluku: NamePool = {
    men: CHRISTIAN_MEN,
    women: CHRISTIAN_WOMEN,
    family: ['Wowor', 'Lumenta', 'Pangemanan', 'Rumondor', 'Pattinama', 'Tuhumury', 'Sahetapy'],
    singleName: 0.02,
  };
  const papua: NamePool = {
    men: CHRISTIAN_MEN,
    women: CHRISTIAN_WOMEN,
    family: ['Wenda', 'Tabuni', 'Kogoya', 'Wonda', 'Murib', 'Rumbiak', 'Wanggai', 'Kambu', 'Gebze'],
    singleName: 0.02,
  };
  return new Map([
    ['12', batak],
    ['51', bali],
    ['71', minahasaMaluku],
    ['81', minahasaMaluku],
    ...['91', '92', '93', '94', '95', '96'].map((code): [string, NamePool] => [code, papua]),
  ]);
})();

// ---------------------------------------------------------------------------------------------
// Vaccination: how well each province is reached, relative to the national rates below. An
// approximation of the pattern in Kemenkes reports (COVID-19 and routine immunisation alike):
// Papua's highlands, Aceh and Sumatera Barat lowest; Jakarta, Bali and Yogyakarta highest.

const PROVINCE_REACH: ReadonlyMap<string, number> = new Map([
  ['11', 0.7],
  ['13', 0.8],
  ['31', 1.08],
  ['32', 0.98],
  ['33', 1.03],
  ['34', 1.06],
  ['35', 1.03],
  ['36', 0.96],
  ['51', 1.08],
  ['53', 0.9],
  ['76', 0.88],
  ['81', 0.85],
  ['82', 0.85],
  ['91', 0.72],
  ['92', 0.8],
  ['93', 0.7],
  ['94', 0.55],
  ['95', 0.5],
  ['96', 0.8],
]);
const DEFAULT_REACH = 0.95;

/** Share of people reached by the routine childhood programme and by COVID-19 dose 1, nationally. */
const CHILDHOOD_COVERAGE = 0.9;
const COVID_COVERAGE = 0.9;
/** Share of doses that a second system reports again (same dose; a later date a third of the time). */
const DUPLICATE_REPORT_SHARE = 0.035;
/** Childhood doses are in the register for children born from this date (electronic records). */
const CHILDHOOD_RECORDS_FROM = '2010-01-01';
/** The MR catch-up campaign for ages 9 months to 15 years: Java in 2017, elsewhere in 2018. */
const MR_CAMPAIGN_JAVA = '2017-08-01';
const MR_CAMPAIGN_ELSEWHERE = '2018-08-01';
const JAVA_PROVINCES = new Set(['31', '32', '33', '34', '35', '36']);
/** COVID-19: adults from January 2021, ages 12–17 from July 2021, 6–11 from December 2021. */
const COVID_ADULTS_FROM = '2021-01-13';
const COVID_TEENS_FROM = '2021-07-01';
const COVID_CHILDREN_FROM = '2021-12-14';
const COVID_BOOSTER_FROM = '2022-01-12';
const COVID_SECOND_BOOSTER_FROM = '2023-01-24';
const COVID_PRIMARY_UNTIL = '2023-06-30';
const COVID_BOOSTER_UNTIL = '2023-12-31';

// ---------------------------------------------------------------------------------------------
// People.

/** Women's share below 65 and from 65: together SP2020's 49.42%, women outliving men. */
const WOMEN_SHARE_UNDER_65 = 0.491;
const WOMEN_SHARE_FROM_65 = 0.54;
/** Share whose NIK was first issued in another district; of those, the share in the same province. */
const NIK_ELSEWHERE_ADULTS = 0.12;
const NIK_ELSEWHERE_CHILDREN = 0.04;
const NIK_ELSEWHERE_SAME_PROVINCE = 0.7;
/** The share of people of an age who have died: about 2% of the register, mostly the old. */
function deathShareAt(ageYears: number): number {
  if (ageYears < 5) return 0.012;
  if (ageYears < 15) return 0.002;
  if (ageYears < 45) return 0.005;
  if (ageYears < 65) return 0.02;
  return 0.15;
}
/** Deaths are recent: within this many days before today. */
const DEATHS_WITHIN_DAYS = 3652;

/** The register's geography: villages sorted by code, where people are drawn and NIKs issued. */
interface Geography {
  readonly villages: readonly string[];
  /** Cumulative population weight per village: a binary search draws a village. */
  readonly cumulativeWeight: Float64Array;
  readonly villageDistrict: Int32Array;
  readonly villageReach: Float32Array;
  /** Per district: its code without dots, its first village and the end of its villages. */
  readonly districtDigits: readonly string[];
  readonly districtFirstVillage: Int32Array;
  readonly districtEndVillage: Int32Array;
  /** Per district: the first and end district of its province. */
  readonly provinceFirstDistrict: Int32Array;
  readonly provinceEndDistrict: Int32Array;
  readonly villageNames: readonly NamePool[];
  readonly villageIsJava: Uint8Array;
}

/**
 * Spreads each province's SP2020 population over its villages: regencies vary mildly (±30%),
 * cities (regency codes 71+) are twice as dense, urban kelurahan (village codes 1xxx) 1.6 times,
 * and villages vary by ±40% — all from the codes, so the same villages always get the same weights.
 */
function buildGeography(villageCodes: readonly string[]): Geography {
  // Fresh one-byte copies: codes split from a file with any non-Latin-1 character are views into
  // a two-byte string, and every CSV line holding one would be two-byte too — writing the register
  // measured three times slower.
  const unique = [...new Set(villageCodes)];
  const villages = (isSorted(unique) ? unique : unique.sort()).map((code) =>
    Buffer.from(code, 'latin1').toString('latin1'),
  );
  const count = villages.length;
  const villageDistrict = new Int32Array(count);
  const villageReach = new Float32Array(count);
  const villageIsJava = new Uint8Array(count);
  const villageNames: NamePool[] = [];
  const rawWeight = new Float64Array(count);
  const provinceWeight = new Map<string, number>();
  const districtDigits: string[] = [];
  const districtFirst: number[] = [];
  const districtProvinceStart: number[] = [];
  let lastDistrict = '';
  let lastRegency = '';
  let regencyWeight = 1;
  let regencyReach = 1;
  let lastProvince = '';
  let provinceStart = 0;
  for (let v = 0; v < count; v++) {
    const code = villages[v] ?? '';
    if (!/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(code)) {
      throw new Error(`"${code}" is not a dotted village code like 32.04.11.2001`);
    }
    const province = code.slice(0, 2);
    const regency = code.slice(0, 5);
    const district = code.slice(0, 8);
    if (province !== lastProvince) {
      provinceStart = districtDigits.length;
      lastProvince = province;
    }
    if (district !== lastDistrict) {
      districtDigits.push(district.replace(/\./g, ''));
      districtFirst.push(v);
      districtProvinceStart.push(provinceStart);
      lastDistrict = district;
    }
    villageDistrict[v] = districtDigits.length - 1;
    const isCity = Number(code.slice(3, 5)) >= 71;
    const isUrban = code[9] === '1';
    if (regency !== lastRegency) {
      regencyWeight = 0.7 + 0.6 * hashUnit(regency, 1);
      regencyReach = 0.85 + 0.3 * hashUnit(regency, 2);
      lastRegency = regency;
    }
    const weight =
      regencyWeight * (isCity ? 2 : 1) * (isUrban ? 1.6 : 1) * (0.6 + 0.8 * hashUnit(code, 1));
    rawWeight[v] = weight;
    provinceWeight.set(province, (provinceWeight.get(province) ?? 0) + weight);
    const reach =
      (PROVINCE_REACH.get(province) ?? DEFAULT_REACH) *
      regencyReach *
      (isCity ? 1.05 : 1) *
      (0.95 + 0.1 * hashUnit(code, 2));
    villageReach[v] = reach;
    villageIsJava[v] = JAVA_PROVINCES.has(province) ? 1 : 0;
    villageNames.push(NAMES_BY_PROVINCE.get(province) ?? COMMON_NAMES);
  }
  const districtCount = districtDigits.length;
  const districtFirstVillage = Int32Array.from(districtFirst);
  const districtEndVillage = new Int32Array(districtCount);
  const provinceFirstDistrict = Int32Array.from(districtProvinceStart);
  const provinceEndDistrict = new Int32Array(districtCount);
  for (let d = 0; d < districtCount; d++) {
    districtEndVillage[d] = districtFirst[d + 1] ?? count;
  }
  for (let d = districtCount - 1; d >= 0; d--) {
    const start = districtProvinceStart[d] ?? 0;
    provinceEndDistrict[d] =
      districtProvinceStart[d + 1] === start ? (provinceEndDistrict[d + 1] ?? 0) : d + 1;
  }
  // A province the census does not know (none today) gets an average province's population.
  const averageProvince = CENSUS_2020_TOTAL / CENSUS_2020_PROVINCE_POPULATION.size;
  const cumulativeWeight = new Float64Array(count);
  let total = 0;
  for (let v = 0; v < count; v++) {
    const province = villages[v]?.slice(0, 2) ?? '';
    const population = CENSUS_2020_PROVINCE_POPULATION.get(province) ?? averageProvince;
    total += (population * (rawWeight[v] ?? 0)) / (provinceWeight.get(province) ?? 1);
    cumulativeWeight[v] = total;
  }
  return {
    villages,
    cumulativeWeight,
    villageDistrict,
    villageReach,
    districtDigits,
    districtFirstVillage,
    districtEndVillage,
    provinceFirstDistrict,
    provinceEndDistrict,
    villageNames,
    villageIsJava,
  };
}

function isSorted(texts: readonly string[]): boolean {
  for (let i = 1; i < texts.length; i++) if ((texts[i - 1] ?? '') > (texts[i] ?? '')) return false;
  return true;
}

/** The village whose cumulative weight first exceeds `unit` × total. */
function drawVillage(geography: Geography, unit: number): number {
  const cumulative = geography.cumulativeWeight;
  const target = unit * (cumulative[cumulative.length - 1] ?? 0);
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((cumulative[middle] ?? 0) > target) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * Serials per (district of issue, DDMMYY, sex), so that every NIK is unique: an open-addressing
 * table of 32-bit keys and 16-bit counts, sized for `people` distinct keys at most. At 10 M people
 * that is 16 M slots, 96 MB — a Map of strings would take several times that.
 */
class SerialTable {
  private readonly keys: Int32Array;
  private readonly counts: Uint16Array;
  private readonly mask: number;
  private readonly shift: number;

  constructor(people: number) {
    let bits = 10;
    while (2 ** bits < people * 1.5) bits++;
    this.keys = new Int32Array(2 ** bits);
    this.counts = new Uint16Array(2 ** bits);
    this.mask = 2 ** bits - 1;
    this.shift = 32 - bits;
  }

  /** The next serial (1–9999) for `key` (a whole number below 2³¹ − 1). */
  next(key: number): number {
    const stored = key + 1; // 0 marks an empty slot
    // Fibonacci hashing: the high bits of the product spread neighbouring keys apart.
    let slot = Math.imul(stored, 0x9e3779b1) >>> this.shift;
    for (;;) {
      slot &= this.mask;
      const found = this.keys[slot] ?? 0;
      if (found === stored || found === 0) {
        this.keys[slot] = stored;
        const serial = (this.counts[slot] ?? 0) + 1;
        if (serial > 9999) {
          throw new Error(
            'more than 9,999 people of one sex born on one day in one district: give more villages',
          );
        }
        this.counts[slot] = serial;
        return serial;
      }
      slot++;
    }
  }
}

/**
 * The days from `first` to `last` as the register writes them, each worked out once, when first
 * needed: formatting would otherwise take most of the time of a large register, and a small one
 * needs few days.
 */
class Calendar {
  private readonly isoTexts: (string | undefined)[];
  private readonly nikTexts: Record<Sex, (string | undefined)[]>;
  private readonly nikNumbers: Int32Array;

  constructor(
    readonly first: number,
    readonly last: number,
  ) {
    const length = last - first + 1;
    this.isoTexts = new Array<string | undefined>(length);
    this.nikTexts = {
      L: new Array<string | undefined>(length),
      P: new Array<string | undefined>(length),
    };
    this.nikNumbers = new Int32Array(length).fill(-1);
  }

  /** `YYYY-MM-DD`. */
  iso(day: number): string {
    const index = day - this.first;
    return (this.isoTexts[index] ??= new Date(day * DAY_MS).toISOString().slice(0, 10));
  }

  /** The birth-date digits of a NIK (DDMMYY, women's day + 40), from `formatNik`. */
  nikDigits(day: number, sex: Sex): string {
    const texts = this.nikTexts[sex];
    const index = day - this.first;
    return (texts[index] ??= formatNik({
      districtCode: '000000',
      sex,
      birthDate: this.iso(day),
      serial: 1,
    }).slice(6, 12));
  }

  /**
   * The NIK's date as a number below 37,200, for the serial table: the day of the year as encoded
   * (month × 31 + day) × 100 + the two-digit year.
   */
  nikNumber(day: number): number {
    const index = day - this.first;
    let value = this.nikNumbers[index] ?? -1;
    if (value < 0) {
      const text = this.iso(day);
      value =
        ((Number(text.slice(5, 7)) - 1) * 31 + Number(text.slice(8, 10)) - 1) * 100 +
        Number(text.slice(2, 4));
      this.nikNumbers[index] = value;
    }
    return value;
  }
}

/** Serials 0000–9999 as NIKs and family card numbers write them. */
const SERIAL_DIGITS: readonly string[] = Array.from({ length: 10_000 }, (_, serial) =>
  String(serial).padStart(4, '0'),
);

function pickFrom<T>(items: readonly T[], unit: number): T {
  return items[Math.floor(unit * items.length)] as T;
}

/** What a vaccine's schedule needs to know about a person. */
interface DoseContext {
  readonly birth: number;
  /** The last day a dose can be given: today, or the day of death. */
  readonly until: number;
  /** The person's own propensity, in [0, 1): lower is more readily vaccinated. */
  readonly propensity: number;
  /** How well the person's village is reached, relative to the national rates. */
  readonly reach: number;
  readonly isJava: boolean;
}

/** Whether a programme reaching `coverage` of people nationally reaches this person. */
function isReached(person: DoseContext, coverage: number): boolean {
  return person.propensity < coverage * person.reach;
}

function yearsAfter(day: number, years: number): number {
  return day + Math.ceil(years * YEAR_DAYS);
}

/** A person's doses of one vaccine as day numbers, drawn from the vaccine's own random stream. */
type Schedule = (person: DoseContext, random: () => number, days: ScheduleDays) => number[];

interface ScheduleDays {
  readonly childhoodFrom: number;
  readonly mrCampaignJava: number;
  readonly mrCampaignElsewhere: number;
  readonly covidAdults: number;
  readonly covidTeens: number;
  readonly covidChildren: number;
  readonly covidBooster: number;
  readonly covidSecondBooster: number;
  readonly covidPrimaryUntil: number;
  readonly covidBoosterUntil: number;
}

/** Doses of one vaccine are given at least four weeks apart. */
const MINIMUM_DOSE_INTERVAL = 28;

/**
 * Doses due at `ages` (days after birth), each given up to `jitter` days late and at least four
 * weeks after the one before; after the first, each with probability `keep`.
 */
function series(
  person: DoseContext,
  random: () => number,
  ages: readonly number[],
  jitter: number,
  keep: number,
): number[] {
  const doses: number[] = [];
  let previous = -Infinity;
  for (const age of ages) {
    if (doses.length > 0 && random() >= keep) break;
    const day = Math.max(
      previous + MINIMUM_DOSE_INTERVAL,
      person.birth + age + Math.floor(random() * jitter),
    );
    if (day > person.until) break;
    doses.push(day);
    previous = day;
  }
  return doses;
}

const SCHEDULES: Record<SyntheticVaccine, Schedule> = {
  BCG: (person, random, days) =>
    person.birth >= days.childhoodFrom && isReached(person, CHILDHOOD_COVERAGE)
      ? series(person, random, [0], 45, 1)
      : [],
  POLIO: (person, random, days) =>
    person.birth >= days.childhoodFrom && isReached(person, CHILDHOOD_COVERAGE)
      ? series(person, random, [30, 60, 90, 120], 21, 0.94)
      : [],
  'DPT-HB-HIB': (person, random, days) =>
    person.birth >= days.childhoodFrom && isReached(person, CHILDHOOD_COVERAGE)
      ? series(person, random, [60, 90, 120, 540], 21, 0.92)
      : [],
  MR: (person, random, days) => {
    const campaign = person.isJava ? days.mrCampaignJava : days.mrCampaignElsewhere;
    const age = campaign - person.birth;
    if (age >= 270 && age < 15 * YEAR_DAYS) {
      // Caught up by the campaign (two months long, reaching a little more than routine
      // immunisation), then no routine doses.
      if (!isReached(person, CHILDHOOD_COVERAGE * 1.02)) return [];
      const day = campaign + Math.floor(random() * 61);
      return day <= person.until ? [day] : [];
    }
    if (age >= 270 || !isReached(person, CHILDHOOD_COVERAGE)) return [];
    return series(person, random, [270, 540], 60, 0.8);
  },
  'COVID-19': (person, random, days) => {
    const adultFrom = Math.max(
      days.covidAdults + Math.floor(random() * 150),
      yearsAfter(person.birth, 18),
    );
    const eligibleFrom = Math.min(
      adultFrom,
      Math.max(days.covidTeens, yearsAfter(person.birth, 12)),
      Math.max(days.covidChildren, yearsAfter(person.birth, 6)),
    );
    const isChild = eligibleFrom < yearsAfter(person.birth, 12);
    if (!isReached(person, COVID_COVERAGE * (isChild ? 0.85 : 1))) return [];
    const first = eligibleFrom + Math.floor(-Math.log(1 - random()) * 100);
    if (first > days.covidPrimaryUntil || first > person.until) return [];
    const doses = [first];
    if (random() >= 0.86) return doses;
    const kind = random();
    const interval = kind < 0.7 ? 28 : kind < 0.9 ? 56 : 21;
    const second = first + interval + Math.floor(random() * (kind < 0.9 ? 14 : 7));
    if (second > person.until) return doses;
    doses.push(second);
    if (second < yearsAfter(person.birth, 18) || !isReached(person, 0.45)) return doses;
    const booster =
      Math.max(second + 180, days.covidBooster) + Math.floor(-Math.log(1 - random()) * 90);
    if (booster > days.covidBoosterUntil || booster > person.until) return doses;
    doses.push(booster);
    if (booster < yearsAfter(person.birth, 60) || random() >= 0.3) return doses;
    const secondBooster =
      Math.max(booster + 180, days.covidSecondBooster) + Math.floor(-Math.log(1 - random()) * 60);
    if (secondBooster <= days.covidBoosterUntil && secondBooster <= person.until) {
      doses.push(secondBooster);
    }
    return doses;
  },
};

function chosenVaccines(requested: readonly string[] | undefined): SyntheticVaccine[] {
  if (requested === undefined) return [...SYNTHETIC_VACCINES];
  const wanted = new Set(requested.map((v) => v.toUpperCase()));
  for (const vaccine of wanted) {
    if (!(SYNTHETIC_VACCINES as readonly string[]).includes(vaccine)) {
      throw new Error(
        `the generator knows no vaccine "${vaccine}"; use ${SYNTHETIC_VACCINES.join(', ')}`,
      );
    }
  }
  return SYNTHETIC_VACCINES.filter((v) => wanted.has(v));
}

/**
 * Generates a deterministic register shaped like Indonesia: provinces in their SP2020 proportions
 * over the given villages (cities denser), the SP2020 age pyramid, about half women, NIKs unique
 * and consistent with birth date and sex (about 10% first issued in another district, mostly in the
 * same province), about 2% dead (mostly the old, a few children), and immunisations by realistic
 * schedules — BCG, POLIO, DPT-HB-HIB and MR for children, the 2017/2018 MR campaign, COVID-19 for
 * ages 6+ in 2021–2023 — whose coverage varies by province, regency and village, with ~3.5% of doses
 * reported twice by another system (a third of them with a later date). Every row passes
 * `validatePerson` and `validateImmunization`, and no dose precedes birth or follows death or today.
 *
 * People depend only on `seed`, `villages` and `today`; each vaccine has its own random stream, so
 * choosing fewer vaccines leaves the rest unchanged.
 */
export function* generateRegister(
  options: RegisterOptions,
): Generator<{ person: SyntheticPerson; immunizations: SyntheticImmunization[] }> {
  if (!isCalendarDate(options.today)) throw new Error(`today "${options.today}" is not a date`);
  if (!Number.isInteger(options.count) || options.count < 0) {
    throw new Error(`count must be a whole number, not ${options.count}`);
  }
  if (options.count === 0) return;
  if (options.villages.length === 0) throw new Error('the register needs at least one village');
  const geography = buildGeography(options.villages);
  const vaccines = chosenVaccines(options.vaccines);
  const random = randomGenerator(options.seed);
  const doseRandom = vaccines.map((vaccine) =>
    randomGenerator(Math.imul(options.seed ^ 0x5bd1e995, SYNTHETIC_VACCINES.indexOf(vaccine) + 2)),
  );
  const today = dayOf(options.today);
  const days = new Calendar(Math.max(dayOf('1900-01-01'), today - 36_525), today);
  const scheduleDays: ScheduleDays = {
    childhoodFrom: dayOf(CHILDHOOD_RECORDS_FROM),
    mrCampaignJava: dayOf(MR_CAMPAIGN_JAVA),
    mrCampaignElsewhere: dayOf(MR_CAMPAIGN_ELSEWHERE),
    covidAdults: dayOf(COVID_ADULTS_FROM),
    covidTeens: dayOf(COVID_TEENS_FROM),
    covidChildren: dayOf(COVID_CHILDREN_FROM),
    covidBooster: dayOf(COVID_BOOSTER_FROM),
    covidSecondBooster: dayOf(COVID_SECOND_BOOSTER_FROM),
    covidPrimaryUntil: dayOf(COVID_PRIMARY_UNTIL),
    covidBoosterUntil: dayOf(COVID_BOOSTER_UNTIL),
  };
  const ageShareTotal = CENSUS_2020_AGE_GROUPS.reduce((sum, group) => sum + group.share, 0);
  const serials = new SerialTable(options.count);
  const districtCount = geography.districtDigits.length;

  for (let i = 0; i < options.count; i++) {
    const village = drawVillage(geography, random());
    const villageCode = geography.villages[village] ?? '';
    const district = geography.villageDistrict[village] ?? 0;

    // Age: a five-year group by its census share, then a day within it.
    let unit = random() * ageShareTotal;
    let group = CENSUS_2020_AGE_GROUPS[0] ?? { from: 0, to: 5, share: 1 };
    for (const candidate of CENSUS_2020_AGE_GROUPS) {
      group = candidate;
      if (unit < candidate.share) break;
      unit -= candidate.share;
    }
    const birth = Math.max(
      days.first,
      today - Math.floor((group.from + random() * (group.to - group.from)) * YEAR_DAYS),
    );
    const ageYears = (today - birth) / YEAR_DAYS;
    const sex: Sex =
      random() < (ageYears >= 65 ? WOMEN_SHARE_FROM_65 : WOMEN_SHARE_UNDER_65) ? 'P' : 'L';

    // Where the NIK was first issued: mostly here, sometimes another district of the province,
    // sometimes another province.
    let issuedIn = district;
    if (random() < (ageYears < 17 ? NIK_ELSEWHERE_CHILDREN : NIK_ELSEWHERE_ADULTS)) {
      const first = geography.provinceFirstDistrict[district] ?? 0;
      const end = geography.provinceEndDistrict[district] ?? districtCount;
      const sameProvince = random() < NIK_ELSEWHERE_SAME_PROVINCE;
      if (sameProvince && end - first > 1) {
        const other = first + Math.floor(random() * (end - first - 1));
        issuedIn = other >= district ? other + 1 : other;
      } else {
        issuedIn = geography.villageDistrict[drawVillage(geography, random())] ?? district;
      }
    }
    const nikDate = days.nikNumber(birth);
    // Below 2³¹ for up to 28,000 districts (Indonesia has about 7,300).
    const serial = serials.next((issuedIn * 37_200 + nikDate) * 2 + (sex === 'P' ? 1 : 0));
    const birthDate = days.iso(birth);
    // formatNik's layout, from its per-day digits: district of issue, DDMMYY, serial.
    const nik =
      (geography.districtDigits[issuedIn] ?? '') +
      days.nikDigits(birth, sex) +
      (SERIAL_DIGITS[serial] ?? '');

    const death =
      random() < deathShareAt(ageYears)
        ? today - Math.floor(random() * (Math.min(today - birth, DEATHS_WITHIN_DAYS) + 1))
        : null;

    const names = geography.villageNames[village] ?? COMMON_NAMES;
    const given = pickFrom(sex === 'P' ? names.women : names.men, random());
    const family = pickFrom(names.family, random());
    const name = random() < names.singleName ? given : `${given} ${family}`;
    const motherName =
      random() < 0.7
        ? `${pickFrom(names.women, random())} ${pickFrom(names.family, random())}`
        : null;
    // The family card: district of residence, the day it was issued (DDMMYY) and a serial.
    let familyCardNumber: string | null = null;
    if (random() < 0.9) {
      const issued = today - Math.floor(random() * Math.min(today - birth + 1, 7305));
      familyCardNumber =
        (geography.districtDigits[district] ?? '') +
        days.nikDigits(issued, 'L') +
        (SERIAL_DIGITS[1 + Math.floor(random() * 9999)] ?? '');
    }
    const person: SyntheticPerson = {
      nik,
      name,
      sex,
      birthDate,
      villageCode,
      familyCardNumber,
      motherName,
      deathDate: death === null ? null : days.iso(death),
    };

    // The person's propensity is drawn whether or not any vaccine is chosen, so that people do
    // not depend on the vaccines.
    const propensity = random();
    const facilityUnit = random();
    const reach = geography.villageReach[village] ?? 1;
    const context: DoseContext = {
      birth,
      until: death ?? today,
      propensity,
      reach,
      isJava: geography.villageIsJava[village] === 1,
    };
    const facility =
      facilityUnit < 0.65
        ? villageCode
        : facilityUnit < 0.75
          ? (geography.villages[
              (geography.districtFirstVillage[district] ?? 0) +
                Math.floor(
                  ((facilityUnit - 0.65) / 0.1) *
                    ((geography.districtEndVillage[district] ?? 0) -
                      (geography.districtFirstVillage[district] ?? 0)),
                )
            ] ?? villageCode)
          : null;
    const immunizations: SyntheticImmunization[] = [];
    for (let v = 0; v < vaccines.length; v++) {
      const vaccine = vaccines[v] as SyntheticVaccine;
      const vaccineRandom = doseRandom[v] as () => number;
      const doses = SCHEDULES[vaccine](context, vaccineRandom, scheduleDays);
      for (let d = 0; d < doses.length; d++) {
        const day = doses[d] as number;
        const date = days.iso(day);
        immunizations.push({ nik, vaccine, dose: d + 1, date, facilityVillageCode: facility });
        if (vaccineRandom() < DUPLICATE_REPORT_SHARE) {
          // Another system reports the same dose, without the facility, sometimes days later.
          const later = vaccineRandom() < 0.35 ? 1 + Math.floor(vaccineRandom() * 14) : 0;
          immunizations.push({
            nik,
            vaccine,
            dose: d + 1,
            date: days.iso(Math.min(day + later, context.until)),
            facilityVillageCode: null,
          });
        }
      }
    }
    yield { person, immunizations };
  }
}

export const PEOPLE_CSV_HEADER =
  'nik,name,sex,birth_date,village_code,family_card_number,mother_name,death_date\n';
export const IMMUNIZATIONS_CSV_HEADER = 'nik,vaccine,dose,date,facility_village_code\n';

/** What makes toCsvLine quote a field, seen in the joined line: a quote, a line break, a space at either end. */
const QUOTING_NEEDED = /["\r\n]|(?:^|,) | (?:,|$)/;

/**
 * Whether `joined`, fields joined by commas, is already the CSV line toCsvLine would write: no field
 * needs quotes, and no field holds a comma (the commas are only the `fieldCount - 1` separators).
 * Generated rows always are, and checking is three times faster than formatting field by field.
 */
function isPlainCsv(joined: string, fieldCount: number): boolean {
  if (QUOTING_NEEDED.test(joined)) return false;
  let commas = 0;
  for (let at = joined.indexOf(','); at !== -1; at = joined.indexOf(',', at + 1)) commas++;
  return commas === fieldCount - 1;
}

/** A person as a line of people.csv (the format `padu people import` reads). */
export function personCsvLine(p: SyntheticPerson): string {
  const fields = [
    p.nik,
    p.name,
    p.sex,
    p.birthDate,
    p.villageCode,
    p.familyCardNumber ?? '',
    p.motherName ?? '',
    p.deathDate ?? '',
  ] as const;
  const joined = `${fields[0]},${fields[1]},${fields[2]},${fields[3]},${fields[4]},${fields[5]},${fields[6]},${fields[7]}`;
  return isPlainCsv(joined, fields.length) ? `${joined}\n` : toCsvLine(fields);
}

/** An immunisation as a line of immunizations.csv. */
export function immunizationCsvLine(i: SyntheticImmunization): string {
  const joined = `${i.nik},${i.vaccine},${i.dose},${i.date},${i.facilityVillageCode ?? ''}`;
  return isPlainCsv(joined, 5)
    ? `${joined}\n`
    : toCsvLine([i.nik, i.vaccine, i.dose, i.date, i.facilityVillageCode ?? '']);
}

/**
 * Characters gathered before each write. Appending lines to one string and writing it every 64 KB
 * measured 4× faster than joining arrays of lines: V8 appends cheaply, and flattening a small
 * string keeps the garbage collector out of the way.
 */
const CHARACTERS_PER_WRITE = 65_536;

/**
 * Starts writing `text`; a failure is kept for the caller's next `await` rather than reported as
 * unhandled while the next chunk is generated.
 */
function writeInBackground(file: fs.FileHandle, text: string): Promise<unknown> {
  const written = file.write(text);
  written.catch(() => undefined);
  return written;
}

/**
 * Writes the register as people.csv and immunizations.csv (with their headers), in buffered
 * writes, telling `onProgress` how many people are written at each write. Returns how many rows
 * each file has.
 */
export async function writeRegisterCsv(
  options: RegisterOptions & {
    peopleFile: string;
    immunizationsFile: string;
    onProgress?: (people: number, total: number) => void;
  },
): Promise<{ people: number; immunizations: number }> {
  const peopleOut = await fs.open(options.peopleFile, 'w');
  try {
    const dosesOut = await fs.open(options.immunizationsFile, 'w');
    try {
      let people = 0;
      let immunizations = 0;
      let peopleText = PEOPLE_CSV_HEADER;
      let dosesText = IMMUNIZATIONS_CSV_HEADER;
      // One write in flight per file while the next chunk is generated.
      let peopleWrite: Promise<unknown> = Promise.resolve();
      let dosesWrite: Promise<unknown> = Promise.resolve();
      for (const row of generateRegister(options)) {
        peopleText += personCsvLine(row.person);
        people++;
        for (const dose of row.immunizations) dosesText += immunizationCsvLine(dose);
        immunizations += row.immunizations.length;
        if (peopleText.length >= CHARACTERS_PER_WRITE) {
          await peopleWrite;
          peopleWrite = writeInBackground(peopleOut, peopleText);
          peopleText = '';
          options.onProgress?.(people, options.count);
        }
        if (dosesText.length >= CHARACTERS_PER_WRITE) {
          await dosesWrite;
          dosesWrite = writeInBackground(dosesOut, dosesText);
          dosesText = '';
        }
      }
      await peopleWrite;
      await dosesWrite;
      await peopleOut.write(peopleText);
      await dosesOut.write(dosesText);
      options.onProgress?.(people, options.count);
      return { people, immunizations };
    } finally {
      await dosesOut.close();
    }
  } finally {
    await peopleOut.close();
  }
}
