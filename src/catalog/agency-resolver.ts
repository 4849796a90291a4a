import { normalizeSearchText } from '../platform/text.ts';
import { PLACE_ABBREVIATIONS } from './places.data.ts';

/**
 * Resolves an agency as inventories write it ("Pemerintah Kabupaten Sleman - BKPSDM", "Dinas
 * Kesehatan Kab. Sleman", "Pemkot Bandung", "Kementerian Kesehatan", "Kemkominfo") to a seeded
 * agency, and keeps the rest as the owning unit.
 *
 * A regional government is found as a level word (Kabupaten/Kab./Pemkab, Kota/Pemkot,
 * Provinsi/Prov./Pemprov) followed by its place name, anywhere in the text; a central agency as its
 * name, a former name, an abbreviation or an alias. A central agency's full or former name wins over
 * a regional match (the regional office of a central agency, such as "Badan Pusat Statistik
 * Provinsi Jawa Barat", belongs to the central agency); a regional match wins over a central
 * abbreviation. What is left, without filler words, is the unit.
 */

export type AgencyLevel = 'pusat' | 'provinsi' | 'kabupaten' | 'kota';

export interface AgencyEntry {
  readonly code: string;
  readonly name: string;
  readonly level: AgencyLevel;
  readonly abbreviation: string | null;
  readonly aliases: readonly string[];
  readonly formerNames: readonly string[];
}

export type AgencyResolution =
  | {
      readonly ok: true;
      readonly code: string;
      readonly name: string;
      /** The owning unit as written (e.g. "BKPSDM"), or null if the text names only the agency. */
      readonly unit: string | null;
    }
  | {
      readonly ok: false;
      /** The closest agencies, best first. */
      readonly suggestions: readonly { code: string; name: string }[];
    };

/** Level words as written, by the level they name. */
const LEVEL_WORDS: Record<string, Exclude<AgencyLevel, 'pusat'>> = {
  kabupaten: 'kabupaten',
  kab: 'kabupaten',
  pemkab: 'kabupaten',
  kota: 'kota',
  pemkot: 'kota',
  pemko: 'kota',
  provinsi: 'provinsi',
  prov: 'provinsi',
  propinsi: 'provinsi',
  pemprov: 'provinsi',
  pemprop: 'provinsi',
};

/** Words that only say "the government of", dropped from the unit. */
const FILLER = new Set(['pemerintah', 'pemda', 'daerah', 'administrasi', 'adm']);

/** Place-name spellings that differ from the reference, as normalised tokens. */
const PLACE_ALIASES: readonly [string, string][] = [
  ['dki jakarta', 'daerah khusus ibukota jakarta'],
  ['daerah khusus jakarta', 'daerah khusus ibukota jakarta'],
  ['jakarta', 'daerah khusus ibukota jakarta'],
  ['diy', 'daerah istimewa yogyakarta'],
  ['yogyakarta', 'daerah istimewa yogyakarta'],
  ['jogja', 'daerah istimewa yogyakarta'],
];

/** A central agency's name as written with or without "Republik Indonesia" / "RI". */
function nameVariants(name: string): string[] {
  const bare = name.replace(/ (republik indonesia|ri)$/, '');
  return [...new Set([name, bare, `${bare} ri`, `${bare} republik indonesia`])];
}

/**
 * "KemenPPPA" is also written "Kementerian PPPA", "Kemenko PMK" "Kementerian Koordinator PMK", and
 * any of them with "RI".
 */
function abbreviationVariants(abbreviation: string): string[] {
  const variants = [abbreviation, `${abbreviation} ri`];
  const coordinating = /^kemenko ?(.+)$/.exec(abbreviation);
  if (coordinating?.[1] !== undefined)
    variants.push(
      `kementerian koordinator ${coordinating[1]}`,
      `kementerian koordinator bidang ${coordinating[1]}`,
    );
  else {
    const ministry = /^kemen ?(.+)$/.exec(abbreviation);
    if (ministry?.[1] !== undefined) variants.push(`kementerian ${ministry[1]}`);
  }
  return variants;
}

/** A key for a place name: its words without spaces ("Bau-Bau" and "Baubau" meet). */
function placeKey(tokens: readonly string[]): string {
  return tokens.join('');
}

/** Character trigrams of a text, for suggestions. */
function trigrams(text: string): Set<string> {
  const padded = `  ${text} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

interface Match {
  entry: AgencyEntry;
  /** Token positions [start, end) of the match in the text. */
  start: number;
  end: number;
  strength: 'name' | 'regional' | 'abbreviation';
}

export class AgencyResolver {
  /** Regional governments by level and place key. */
  private readonly places = new Map<string, AgencyEntry>();
  /** Central agencies by their normalised names and former names, and by abbreviations. */
  private readonly centralNames = new Map<string, AgencyEntry>();
  private readonly centralAbbreviations = new Map<string, AgencyEntry>();
  private readonly longestName: number;
  private readonly grams: { entry: AgencyEntry; grams: Set<string> }[];
  private readonly levels = new Map<string, AgencyLevel>();

  constructor(agencies: readonly AgencyEntry[]) {
    let longest = 1;
    for (const agency of agencies) this.levels.set(agency.code, agency.level);
    for (const agency of agencies) {
      if (agency.level === 'pusat') {
        for (const name of [agency.name, ...agency.formerNames]) {
          for (const key of nameVariants(normalizeSearchText(name))) {
            this.centralNames.set(key, agency);
            longest = Math.max(longest, key.split(' ').length);
          }
        }
        for (const abbreviation of [agency.abbreviation ?? '', ...agency.aliases]) {
          const key = normalizeSearchText(abbreviation);
          if (key === '') continue;
          for (const variant of abbreviationVariants(key)) {
            if (!this.centralAbbreviations.has(variant) || variant === key)
              this.centralAbbreviations.set(variant, agency);
            longest = Math.max(longest, variant.split(' ').length);
          }
        }
        continue;
      }
      const place = normalizeSearchText(
        agency.name.replace(/^Pemerintah (Provinsi|Kabupaten|Kota) /, ''),
      ).split(' ');
      const keys = [place, place[0] === 'administrasi' ? place.slice(1) : place];
      for (const [alias, full] of PLACE_ALIASES) {
        if (full === place.join(' ')) keys.push(alias.split(' '));
      }
      // "Pemprov Jatim", "Kab. TTS"
      for (const short of PLACE_ABBREVIATIONS[place.join(' ')] ?? []) keys.push([short]);
      for (const key of keys) {
        this.places.set(`${agency.level}|${placeKey(key)}`, agency);
        longest = Math.max(longest, key.length + 1);
      }
    }
    this.longestName = longest;
    this.grams = agencies.map((entry) => ({
      entry,
      grams: trigrams(normalizeSearchText(entry.name)),
    }));
  }

  /** The level of a known agency. */
  levelOf(code: string): AgencyLevel | undefined {
    return this.levels.get(code);
  }

  /** Resolves `text`; `levelHint` (pusat, provinsi, kabupaten, kota) settles "Pemda X" when given. */
  resolve(text: string, levelHint?: string): AgencyResolution {
    const words = text.split(/[\s,;/()\-–—|]+/).filter((w) => normalizeSearchText(w) !== '');
    const tokens = words.map((w) => normalizeSearchText(w).replace(/ /g, ''));
    const match = this.find(tokens, levelHint);
    if (!match) return { ok: false, suggestions: this.suggest(text) };
    const rest = words.filter(
      (_, i) => (i < match.start || i >= match.end) && !FILLER.has(tokens[i] ?? ''),
    );
    return {
      ok: true,
      code: match.entry.code,
      name: match.entry.name,
      unit: rest.length > 0 ? rest.join(' ') : null,
    };
  }

  private find(tokens: readonly string[], levelHint?: string): Match | undefined {
    const matches: Match[] = [];
    for (let start = 0; start < tokens.length; start++) {
      // Central names and abbreviations: the longest phrase starting here.
      for (let end = Math.min(tokens.length, start + this.longestName); end > start; end--) {
        const phrase = tokens.slice(start, end).join(' ');
        const named = this.centralNames.get(phrase);
        const abbreviated = this.centralAbbreviations.get(phrase);
        if (named || abbreviated) {
          matches.push({
            entry: (named ?? abbreviated) as AgencyEntry,
            start,
            end,
            strength: named ? 'name' : 'abbreviation',
          });
          break;
        }
      }
      // A level word and a place name after it ("pemerintah" before it is filler).
      let level: string | undefined = LEVEL_WORDS[tokens[start] ?? ''];
      let from = start + 1;
      if (level === undefined && (tokens[start] === 'pemda' || tokens[start] === 'pemerintah')) {
        level = levelHint === 'kota' || levelHint === 'provinsi' ? levelHint : undefined;
        from = start + 1;
        while (tokens[from] === 'daerah') from++;
        if (level === undefined) {
          // "Pemda Sleman": whichever government has that place name, if only one does.
          for (let end = Math.min(tokens.length, from + this.longestName); end > from; end--) {
            const key = placeKey(tokens.slice(from, end));
            const found = (['kabupaten', 'kota', 'provinsi'] as const)
              .map((l) => this.places.get(`${l}|${key}`))
              .filter((e) => e !== undefined);
            if (found.length === 1 && found[0]) {
              matches.push({ entry: found[0], start, end, strength: 'regional' });
              break;
            }
          }
          continue;
        }
      }
      if (level === undefined) continue;
      // "Kota Adm. Jakarta Selatan": the place is indexed without "Administrasi"; "Pemerintah
      // Daerah DIY" without "Daerah".
      while (tokens[from] === 'adm' || tokens[from] === 'administrasi' || tokens[from] === 'daerah')
        from++;
      for (let end = Math.min(tokens.length, from + this.longestName); end > from; end--) {
        const entry = this.places.get(`${level}|${placeKey(tokens.slice(from, end))}`);
        if (entry) {
          matches.push({ entry, start, end, strength: 'regional' });
          break;
        }
      }
    }
    // The row's level settles a text that names both ("Kantor Kemenag Kota Medan" at pusat is the
    // ministry's office in Medan; "RSUD Kota X" at kota is the city's).
    const hinted = matches.filter((m) =>
      levelHint === 'pusat' ? m.entry.level === 'pusat' : m.entry.level === levelHint,
    );
    const rank = { name: 0, regional: 1, abbreviation: 2 } as const;
    const candidates = hinted.length > 0 ? hinted : matches;
    candidates.sort(
      (a, b) => rank[a.strength] - rank[b.strength] || b.end - b.start - (a.end - a.start),
    );
    return candidates[0] ?? this.findPlace(tokens, levelHint);
  }

  /**
   * A regional government's place name without a level word ("Dinkes DKI Jakarta", "RSUD
   * Banyumas"), when the row's level says which kind of government to look for: the longest.
   */
  private findPlace(tokens: readonly string[], levelHint?: string): Match | undefined {
    if (levelHint !== 'provinsi' && levelHint !== 'kabupaten' && levelHint !== 'kota')
      return undefined;
    let best: Match | undefined;
    for (let start = 0; start < tokens.length; start++) {
      for (let end = Math.min(tokens.length, start + this.longestName); end > start; end--) {
        const entry = this.places.get(`${levelHint}|${placeKey(tokens.slice(start, end))}`);
        if (entry && (best === undefined || end - start > best.end - best.start)) {
          best = { entry, start, end, strength: 'regional' };
          break;
        }
      }
    }
    return best;
  }

  private suggest(text: string): { code: string; name: string }[] {
    const grams = trigrams(normalizeSearchText(text));
    return this.grams
      .map(({ entry, grams: other }) => ({ entry, score: similarity(grams, other) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 3)
      .map(({ entry }) => ({ code: entry.code, name: entry.name }));
  }
}
