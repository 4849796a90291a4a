import { useId } from 'react';
import type { RegionChildrenStats } from '../api';
import { coverageText } from '../childrenStats';
import { useI18n } from '../i18n';

// Layout in SVG user units; the chart scales to the width of the page.
const ROW = 26;
const LABEL = 250;
const BAR = 380;
const WIDTH = LABEL + BAR + 120;
const MAX_LABEL_CHARS = 34;

function shortName(name: string): string {
  return name.length > MAX_LABEL_CHARS ? `${name.slice(0, MAX_LABEL_CHARS - 1)}…` : name;
}

/** Highest coverage first; places without children last, by name. */
function byCoverage(a: RegionChildrenStats, b: RegionChildrenStats): number {
  return (b.coverage ?? -1) - (a.coverage ?? -1) || a.region.name.localeCompare(b.region.name);
}

/** Horizontal bars of coverage per region; the table beside it carries the same numbers as text. */
export function CoverageChart({
  regions,
  caption,
}: {
  regions: RegionChildrenStats[];
  caption: string;
}) {
  const i18n = useI18n();
  const captionId = useId();
  const sorted = [...regions].sort(byCoverage);
  return (
    <figure className="coverage-chart">
      <figcaption id={captionId}>{caption}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${sorted.length * ROW}`}
        role="img"
        aria-labelledby={captionId}
        data-testid="coverage-chart"
      >
        {sorted.map(({ region, coverage }, i) => {
          const text = coverageText(i18n, coverage);
          const barWidth = (coverage ?? 0) * BAR;
          return (
            <g key={region.code} transform={`translate(0 ${i * ROW})`}>
              <title>{`${region.name}: ${text}`}</title>
              <text x={LABEL - 8} y={ROW / 2} textAnchor="end" dominantBaseline="central">
                {shortName(region.name)}
              </text>
              <rect className="chart-track" x={LABEL} y={5} width={BAR} height={ROW - 10} />
              <rect className="chart-bar" x={LABEL} y={5} width={barWidth} height={ROW - 10} />
              <text x={LABEL + BAR + 8} y={ROW / 2} dominantBaseline="central">
                {text}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
