import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n';
import { childCountText, levelName } from '../regionText';
import { useRegion, type RegionViewData } from '../useRegion';
import { Breadcrumb } from './Breadcrumb';
import { ChildrenTable } from './ChildrenTable';
import { ErrorAlert, Loading } from './Status';

/** One place in the drill-down: breadcrumb, heading and the regions below it. */
export function RegionView({ code }: { code: string | null }) {
  const { state, reload } = useRegion(code);
  const { t } = useI18n();

  useEffect(() => {
    if (state.status !== 'ready') return;
    document.title = `${state.data.name} — ${t('regions.title')} — Padu`;
  }, [state, t]);

  return (
    <section className="region-view" aria-busy={state.status === 'loading'}>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorAlert error={state.error} onRetry={reload} />}
      {state.status === 'ready' && <RegionDetails region={state.data} />}
    </section>
  );
}

function RegionDetails({ region }: { region: RegionViewData }) {
  const { t, formatNumber } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);

  // Opening a child from far down a long table: bring the new heading into view.
  useEffect(() => {
    const element = heading.current;
    if (element && element.getBoundingClientRect().top < 0) element.scrollIntoView();
  }, [region.code]);

  const current = region.code === null ? null : { code: region.code, name: region.name };
  return (
    <>
      <Breadcrumb ancestors={region.ancestors} current={current} />
      <h2 className="region-heading" data-testid="region-name" ref={heading}>
        <span className="region-title">{region.name}</span>{' '}
        <span className="region-meta">
          <span className="badge" data-testid="region-level">
            {levelName(t, region.level)}
          </span>
          {region.code !== null && (
            <>
              {' '}
              <span className="code" data-testid="region-code">
                {region.code}
              </span>
            </>
          )}
          {' · '}
          <span data-testid="region-child-count">
            {childCountText(t, formatNumber, region.level, region.childCount)}
          </span>
        </span>
      </h2>
      <ChildrenTable region={region} />
    </>
  );
}
