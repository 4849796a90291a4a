import type { RegionChildrenStats } from './api';
import type { I18n, MessageKey } from './i18n';

/** The counts shown for a region, in the order of the cards and the table's columns. */
export const COUNTS: {
  label: MessageKey;
  testId: string;
  of: (stats: RegionChildrenStats) => number;
}[] = [
  { label: 'stats.population', testId: 'stats-population', of: (s) => s.population },
  { label: 'stats.children', testId: 'stats-children', of: (s) => s.childrenUnder12 },
  { label: 'stats.vaccinated', testId: 'stats-vaccinated', of: (s) => s.childrenUnder12Vaccinated },
  {
    label: 'stats.fullyVaccinated',
    testId: 'stats-fully-vaccinated',
    of: (s) => s.childrenUnder12FullyVaccinated,
  },
];

/**
 * Coverage classes of the map, light to dark (ColorBrewer YlGnBu): each from its lower bound up to
 * the next. Province borders are drawn dark, so even the lightest class stands out from the page.
 */
export const COVERAGE_CLASSES = [
  { from: 0, colour: '#ffffcc' },
  { from: 0.2, colour: '#a1dab4' },
  { from: 0.4, colour: '#41b6c4' },
  { from: 0.6, colour: '#2c7fb8' },
  { from: 0.8, colour: '#253494' },
] as const;

/** A neutral grey, unlike any class, for places without children. */
export const NO_DATA_COLOUR = '#c3c8cf';

export function coverageColour(coverage: number | null): string {
  if (coverage === null) return NO_DATA_COLOUR;
  const found = COVERAGE_CLASSES.filter((c) => coverage >= c.from).pop();
  return (found ?? COVERAGE_CLASSES[0]).colour;
}

/** "45,3%", or "tidak ada data" where there are no children. */
export function coverageText(
  { t, formatPercent }: Pick<I18n, 't' | 'formatPercent'>,
  coverage: number | null,
): string {
  return coverage === null ? t('stats.noData') : formatPercent(coverage);
}
