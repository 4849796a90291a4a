import { ACRONYMS, FRAGMENTS } from './acronyms.data.ts';
import { PLACE_ABBREVIATIONS } from './places.data.ts';

/**
 * Indonesian text normalisation for application names, descriptions and units, as the clustering
 * (clustering.ts) sees them: accents and punctuation dropped, CamelCase brand names split
 * ("SiCantik" -> si cantik), the e-/Si-/Sim- prefixes removed or decoded ("SIMPEG" -> kepegawaian,
 * "e-Perijinan" -> perizinan), version numbers and years dropped, common misspellings corrected,
 * and the words of the owning region removed ("SIMPEG Kab. Sleman" -> simpeg).
 */

/** Common misspellings and variants in inventories -> the standard word. */
const SPELLING: Readonly<Record<string, string>> = {
  perijinan: 'perizinan',
  ijin: 'izin',
  perizinanan: 'perizinan',
  kepegawain: 'kepegawaian',
  kepegawaiaan: 'kepegawaian',
  kepegawean: 'kepegawaian',
  raport: 'rapor',
  obyek: 'objek',
  perpus: 'perpustakaan',
  absensi: 'presensi',
  absen: 'presensi',
  sistim: 'sistem',
  apl: 'aplikasi',
  aplkasi: 'aplikasi',
  apliksi: 'aplikasi',
  aplikas: 'aplikasi',
  apliaksi: 'aplikasi',
  aplikais: 'aplikasi',
  app: 'aplikasi',
  aplikasinya: 'aplikasi',
  pengaduaan: 'pengaduan',
  keuanggan: 'keuangan',
  perpustakan: 'perpustakaan',
  puskesmass: 'puskesmas',
  kearsipann: 'kearsipan',
  surat2: 'surat',
  ofice: 'office',
  retribusinya: 'retribusi',
  sekertariat: 'sekretariat',
  elektronic: 'elektronik',
  electronic: 'elektronik',
  kinerjanya: 'kinerja',
};

/** Grammatical words and markers: dropped everywhere ("pengadaan barang dan jasa" = "pengadaan barang jasa"). */
const GRAMMAR = new Set(
  (
    'dan untuk yang di ke dari dengan pada secara dalam oleh serta atau ini itu adalah sebagai ' +
    'melalui bagi agar dapat terhadap akan juga sudah telah lebih para setiap seluruh semua ' +
    'tersebut tentang se masing sehingga merupakan kami kita anda e m i si sim v versi ver the ' +
    'of and for a an'
  ).split(' '),
);

/**
 * Words common to applications of every function: kept for keyword phrases ("informasi publik",
 * "rencana kegiatan", "posko bencana") but not evidence on their own, so left out of the
 * similarity vectors and passed over when looking for the word a name starts with. Among them the
 * words that say how or where a service is offered, not what it is: "Monitoring Pengadaan",
 * "Dashboard Realisasi", "Kanal Pengaduan", "Posko Pengaduan", "Portal Perizinan" ("portal data"
 * and "portal resmi" still count as phrases).
 */
const GENERIC = new Set(
  (
    'aplikasi sistem informasi manajemen online daring berbasis web android ios mobile new app ' +
    'apps kabupaten kab kota provinsi prov pemerintah pemkab pemkot pemprov pemda kemen ' +
    'kementerian digunakan menggunakan mengelola pengelolaan dikelola kelola memudahkan mudah ' +
    'cepat tepat akurat real time realtime efisien efektif terintegrasi terpadu integrasi smart ' +
    'digital elektronik mandiri bersama kegiatan proses layanan pelayanan data monitoring ' +
    'dashboard kanal posko portal my'
  ).split(' '),
);

/** Whether a word is common to applications of every function (see GENERIC). */
export function isGenericWord(word: string): boolean {
  return GENERIC.has(word);
}

const REGIONAL_NAME =
  /^\s*(?:pemerintah\s+(?:daerah\s+)?)?(?:kabupaten|kab\.?|kota(?:\s+administrasi)?|provinsi|prov\.?|pemkab\.?|pemkot\.?|pemprov\.?|pemda)\s+(.+)$/i;

/**
 * The place words of a regional government's name ("Pemerintah Kabupaten Sleman" -> sleman), which
 * say where an application is, not what it does. Central agencies' names say what they do
 * ("Kementerian Koperasi"), so they give none.
 */
export function placeWords(agencyName: string): Set<string> {
  const match = REGIONAL_NAME.exec(agencyName);
  if (match?.[1] === undefined) return new Set();
  const words = textTokens(match[1]);
  const short = PLACE_ABBREVIATIONS[words.join(' ')];
  return new Set(short === undefined ? words : [...words, ...short]);
}

/** Indonesian prefixes and suffixes tried when looking for a word's root (see `rootOf`). */
const PREFIXES = ['', 'ke', 'per', 'pe', 'peng', 'pen', 'pem', 'penye', 'ber', 'di', 'se'];
const SUFFIXES = ['', 'an', 'kan', 'i', 'nya', 'ku', 'mu', 'anku', 'annya'];

/**
 * The tokens of one text, normalised; acronyms and prefixed names are decoded into words;
 * grammatical words dropped, generic ones kept (see isGenericWord).
 */
export function textTokens(text: string | null, dropWords?: ReadonlySet<string>): string[] {
  return textTokenGroups(text, dropWords).tokens;
}

/**
 * textTokens, with the written word each token comes from (`groups`): an acronym and the words it
 * stands for share one group, so that they count as one piece of evidence.
 */
export function textTokenGroups(
  text: string | null,
  dropWords?: ReadonlySet<string>,
): { tokens: string[]; groups: number[] } {
  if (text === null || text === '') return { tokens: [], groups: [] };
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/['’`‘]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .flatMap((word) => {
      const lower = word.toLowerCase();
      // CamelCase brand names: SiCantik -> si cantik, eKinerja -> e kinerja, unless the whole
      // word is a known acronym or spelling
      if (ACRONYMS[lower] !== undefined || SPELLING[lower] !== undefined) return [lower];
      return word
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toLowerCase()
        .split(' ');
    });
  const tokens: string[] = [];
  const groups: number[] = [];
  words.forEach((raw, group) => {
    if (raw === '') return;
    // Versions, years and numbers say nothing, unless the number names a service (112).
    if (/^v?\d+$/.test(raw) && ACRONYMS[raw] === undefined) return;
    const word = SPELLING[raw] ?? raw;
    if (dropWords?.has(word) === true) return;
    const decoded: string[] = [];
    decode(word, decoded);
    for (const token of decoded) {
      if (GRAMMAR.has(token) || token.length <= 1) continue;
      tokens.push(token);
      groups.push(group);
    }
  });
  return { tokens, groups };
}

/** Pushes a word, and the words it stands for when it is an acronym or a prefixed name. */
function decode(word: string, out: string[]): void {
  const acronym = ACRONYMS[word];
  if (acronym !== undefined) {
    out.push(word, ...acronym.split(' '));
    return;
  }
  // e-Perizinan written eperizinan, SiKeu written sikeu, SIMPEG-like names not in the dictionary
  for (const prefix of ['sim', 'si', 'e']) {
    if (word.length <= prefix.length + 2 || !word.startsWith(prefix)) continue;
    const rest = word.slice(prefix.length);
    // A fragment is what a prefixed name is built from: SIMDUK is kependudukan, not DUK.
    const expansion = FRAGMENTS[rest] ?? ACRONYMS[rest];
    if (expansion !== undefined) {
      out.push(word, ...expansion.split(' '));
      return;
    }
    const fixed = SPELLING[rest];
    if (fixed !== undefined) {
      out.push(fixed);
      return;
    }
  }
  out.push(word);
}

/**
 * The root of a derived Indonesian word, when the root is a known word: kepegawaian -> pegawai,
 * perizinan -> izin, pengaduan -> adu(an), perpustakaan -> pustaka. `known` holds the words seen
 * on their own (in the inventory or the taxonomy); the shortest known candidate of three letters
 * or more wins, so that unknown words stay as they are.
 */
export function rootOf(word: string, known: ReadonlySet<string>): string {
  let best = word;
  for (const prefix of PREFIXES) {
    if (!word.startsWith(prefix)) continue;
    for (const suffix of SUFFIXES) {
      if (prefix === '' && suffix === '') continue;
      if (!word.endsWith(suffix) || word.length - prefix.length - suffix.length < 3) continue;
      const candidate = word.slice(prefix.length, word.length - suffix.length);
      if (candidate.length < best.length && known.has(candidate)) best = candidate;
    }
  }
  return best;
}
