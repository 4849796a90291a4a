import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { isAbortError, listRegions, type Page, type Region } from '../api';
import { useI18n } from '../i18n';
import { levelName } from '../regionText';
import { navigate, regionHash } from '../router';
import { ErrorAlert } from './Status';

const DEBOUNCE_MS = 250;
const MIN_CHARS = 2;
const LIMIT = 10;

type SearchState =
  | { status: 'idle' }
  | { status: 'loading'; query: string; previous: Page<Region> | null }
  | { status: 'error'; query: string; error: unknown }
  | { status: 'ready'; query: string; page: Page<Region> };

export function RegionSearch() {
  const { t, formatNumber } = useI18n();
  const [query, setQuery] = useState('');
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const inputId = useId();
  const hintId = useId();
  const q = query.trim();

  useEffect(() => {
    if (q.length < MIN_CHARS) {
      setState({ status: 'idle' });
      return;
    }
    // Keep the last results on screen while the next ones load.
    setState((prev) => ({
      status: 'loading',
      query: q,
      previous:
        prev.status === 'ready' ? prev.page : prev.status === 'loading' ? prev.previous : null,
    }));
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      listRegions({ search: q, limit: LIMIT }, controller.signal).then(
        (page) => setState({ status: 'ready', query: q, page }),
        (error: unknown) => {
          if (isAbortError(error) || controller.signal.aborted) return;
          setState({ status: 'error', query: q, error });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [q]);

  function open(region: Region): void {
    setQuery('');
    navigate(regionHash(region.code));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'Escape') setQuery('');
  }

  const shown =
    state.status === 'ready' ? state.page : state.status === 'loading' ? state.previous : null;

  return (
    <div className="region-search" role="search">
      <label htmlFor={inputId}>{t('search.label')}</label>
      <input
        id={inputId}
        type="search"
        data-testid="region-search"
        autoComplete="off"
        spellCheck={false}
        aria-describedby={hintId}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <p id={hintId} className="hint">
        {t('search.hint')}
      </p>
      <p className="search-status" role="status" aria-live="polite">
        {state.status === 'loading' && t('search.searching')}
        {state.status === 'ready' &&
          (state.page.items.length === 0
            ? t('search.none', { query: state.query })
            : t('search.count', {
                shown: formatNumber(state.page.items.length),
                total: formatNumber(state.page.total),
              }))}
      </p>
      {state.status === 'error' && <ErrorAlert error={state.error} />}
      {shown && shown.items.length > 0 && (
        <ul
          className="search-results"
          data-testid="search-results"
          aria-busy={state.status === 'loading'}
        >
          {shown.items.map((region) => (
            <li key={region.code}>
              <button type="button" className="search-result" onClick={() => open(region)}>
                <span className="result-name">{region.name}</span>
                <span className="result-meta">
                  {levelName(t, region.level)} · <span className="code">{region.code}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
