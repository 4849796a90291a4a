import { describe, expect, it } from 'vitest';
import { parentRegionCode, regionLevelOf, toDottedRegionCode } from './region-code.ts';
import { parseRegionSearch } from './regions.service.ts';

describe('region codes', () => {
  it.each([
    ['32', '32'],
    ['3204', '32.04'],
    ['320411', '32.04.11'],
    ['3204112001', '32.04.11.2001'],
    ['32.04.11.2001', '32.04.11.2001'],
    [' 32.04 ', '32.04'],
  ])('%s -> %s', (input, dotted) => expect(toDottedRegionCode(input)).toBe(dotted));

  it.each(['', '3', '320', '32.4', '32-04', '32.04.11.200', 'abcd', '12345678901'])(
    'rejects %j',
    (input) => expect(toDottedRegionCode(input)).toBeUndefined(),
  );

  it('knows levels and parents', () => {
    expect(regionLevelOf('32.04.11.2001')).toBe(4);
    expect(parentRegionCode('32.04.11.2001')).toBe('32.04.11');
    expect(parentRegionCode('32')).toBeNull();
  });
});

describe('parseRegionSearch', () => {
  it.each([
    ['Kab. Bandung', 'kabupaten bandung', 2],
    ['kota bandung', 'kota bandung', 2],
    ['kecamatan sleman', 'sleman', 3],
    ['Desa Sukamaju', 'sukamaju', 4],
    ['sleman', 'sleman', undefined],
    ["Pasi Kuala Ba'u", 'pasi kuala bau', undefined],
  ])('%s -> %s (level %s)', (query, text, level) =>
    expect(parseRegionSearch(query)).toEqual({ text, level }),
  );
});
