import type { RegionLevel } from './api';
import type { Translate } from './i18n';

/** 0 is the country (Indonesia) at the root of the explorer. */
export type ExplorerLevel = 0 | RegionLevel;

export function levelName(t: Translate, level: ExplorerLevel): string {
  return level === 0 ? t('region.country') : t(`level.${level}`);
}

/** "31 kecamatan", "1 district", "tanpa wilayah di bawahnya"… */
export function childCountText(
  t: Translate,
  formatNumber: (n: number) => string,
  level: ExplorerLevel,
  count: number,
): string {
  if (level === 4) return t('children.count.4');
  const key =
    count === 1 ? (`children.count.${level}.one` as const) : (`children.count.${level}` as const);
  return t(key, { n: formatNumber(count) });
}
