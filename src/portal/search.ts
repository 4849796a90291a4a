/**
 * Typo-tolerant search over the public services, in memory (a few hundred services at most):
 * Indonesian spelling variants are folded ("akte" is "akta", "ijin" is "izin"), filler words are
 * dropped ("cara mengurus"), and each word of the query must match a word of the service within an
 * edit distance that grows with its length ("kelahran" finds "kelahiran"), or begin one (as the
 * citizen types). A service's name weighs more than its keywords, and those more than its summary.
 */

/** Spellings Indonesians write for the same word; folded to the form the services use. */
const VARIANTS: Readonly<Record<string, string>> = {
  akte: 'akta',
  ijin: 'izin',
  perijinan: 'perizinan',
  sertipikat: 'sertifikat',
  pasport: 'paspor',
  passport: 'paspor',
  ktpel: 'ktp',
  photo: 'foto',
};

/** Words that say nothing about which service is meant. */
const FILLER = new Set([
  'cara',
  'bagaimana',
  'mengurus',
  'urus',
  'ngurus',
  'membuat',
  'buat',
  'bikin',
  'online',
  'syarat',
  'persyaratan',
  'untuk',
  'dan',
  'di',
  'ke',
  'yang',
  'saya',
  'the',
  'a',
  'an',
  'of',
  'for',
  'how',
  'to',
  'my',
  'apply',
]);

export function searchTokens(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((t) => t !== '')
    .map((t) => VARIANTS[t] ?? t);
}

/** Damerau-Levenshtein (optimal string alignment) distance, giving up above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous2: number[] = [];
  let previous: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, previous2[j - 2]! + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    previous2 = previous;
    previous = row;
  }
  return previous[b.length]!;
}

/** How many edits a query word of this length may carry: none up to 3 letters, then 1, then 2. */
function allowedEdits(length: number): number {
  return length <= 3 ? 0 : length <= 7 ? 1 : 2;
}

/** How well one query word matches one word of a document, 0 (not at all) to 1. */
export function wordMatch(query: string, word: string): number {
  if (query === word) return 1;
  if (query.length >= 3 && word.startsWith(query)) return 0.8;
  const max = allowedEdits(query.length);
  if (max === 0) return 0;
  const distance = editDistance(query, word, max);
  if (distance <= max) return 0.9 - 0.15 * distance;
  // A word typed partly, with a typo in what was typed ("kelhai" of "kelahiran").
  if (query.length >= 5 && word.length > query.length) {
    if (editDistance(query, word.slice(0, query.length), 1) <= 1) return 0.6;
  }
  return 0;
}

export interface SearchField {
  readonly text: string;
  readonly weight: number;
}

export interface SearchIndex<K> {
  /** Keys of the documents that match every meaningful query word, best first. */
  search(query: string): K[];
}

export function searchIndex<K>(
  documents: readonly { key: K; fields: readonly SearchField[] }[],
): SearchIndex<K> {
  const indexed = documents.map((document, order) => ({
    key: document.key,
    order,
    fields: document.fields.map((field) => ({
      weight: field.weight,
      words: [...new Set(searchTokens(field.text))],
    })),
  }));
  return {
    search(query) {
      const words = searchTokens(query);
      const meaningful = words.filter((w) => !FILLER.has(w));
      const terms = meaningful.length > 0 ? meaningful : words;
      if (terms.length === 0) return indexed.map((d) => d.key);
      const scored: { key: K; score: number; order: number }[] = [];
      for (const document of indexed) {
        let score = 0;
        let matchedAll = true;
        for (const term of terms) {
          let best = 0;
          for (const field of document.fields) {
            for (const word of field.words) {
              const match = wordMatch(term, word);
              if (match > 0) best = Math.max(best, match * field.weight);
            }
          }
          if (best === 0) {
            matchedAll = false;
            break;
          }
          score += best;
        }
        if (matchedAll) scored.push({ key: document.key, score, order: document.order });
      }
      scored.sort((a, b) => b.score - a.score || a.order - b.order);
      return scored.map((s) => s.key);
    },
  };
}
