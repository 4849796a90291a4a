/** Region level: 1 province (provinsi), 2 regency or city (kabupaten/kota), 3 district (kecamatan), 4 village (desa/kelurahan). */
export type RegionLevel = 1 | 2 | 3 | 4;

const DOTTED = /^\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?$/;
const UNDOTTED_LENGTHS: Readonly<Record<number, readonly number[]>> = {
  2: [2],
  4: [2, 2],
  6: [2, 2, 2],
  10: [2, 2, 2, 4],
};

/**
 * Returns the dotted Kemendagri code (`32.04.11.2001`) for a dotted or undotted (`3204112001`)
 * code, or `undefined` when the text is neither.
 */
export function toDottedRegionCode(input: string): string | undefined {
  const code = input.trim();
  if (DOTTED.test(code)) return code;
  const parts = /^\d+$/.test(code) ? UNDOTTED_LENGTHS[code.length] : undefined;
  if (parts === undefined) return undefined;
  const out: string[] = [];
  let at = 0;
  for (const width of parts) {
    out.push(code.slice(at, at + width));
    at += width;
  }
  return out.join('.');
}

/** The level a dotted code denotes, from the number of its parts. */
export function regionLevelOf(dottedCode: string): RegionLevel {
  return dottedCode.split('.').length as RegionLevel;
}

/** The parent's dotted code, or `null` for a province. */
export function parentRegionCode(dottedCode: string): string | null {
  const cut = dottedCode.lastIndexOf('.');
  return cut === -1 ? null : dottedCode.slice(0, cut);
}

export const REGION_CODE_HINT =
  'A region code is 2, 4, 6 or 10 digits, dotted or not: 32, 32.04, 32.04.11, 32.04.11.2001 (or 3204112001).';
