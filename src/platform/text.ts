/**
 * Normalises Indonesian names for search: lower case, accents and apostrophes dropped
 * ("Ba'u" -> "bau", "Regapu’u" -> "regapuu"), every other non-alphanumeric run becomes one space.
 */
export function normalizeSearchText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`‘]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A slug: lower-case letters and digits in words joined by single hyphens ("cemetery-management"). */
export function isSlug(text: string): boolean {
  return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(text);
}

/** Lower-case words joined by hyphens, for path segments: "Sistem Kepegawaian" -> sistem-kepegawaian. */
export function slugify(name: string): string {
  return normalizeSearchText(name).replace(/\s+/g, '-').slice(0, 60).replace(/-+$/, '') || 'x';
}
