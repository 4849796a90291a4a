import { useEffect, useState, type FormEvent } from 'react';
import {
  listApplications,
  listFunctions,
  type ApplicationFilters,
  type ApplicationStatus,
} from '../../catalogApi';
import { useI18n } from '../../i18n';
import { applicationHash, clusterHash } from '../../router';
import { useLoad } from '../../shared/useLoad';
import { ErrorAlert, Loading } from '../Status';
import { formatPercent, functionName } from './CatalogNav';

const PAGE_SIZE = 50;
const STATUSES: ApplicationStatus[] = ['active', 'development', 'retired'];

/** The application inventory: search, filters by function and status, paged table. */
export function CatalogPage() {
  const { t, lang } = useI18n();
  const [search, setSearch] = useState('');
  const [filters, setFilters] = useState<ApplicationFilters>({ offset: 0 });
  const functions = useLoad('functions', (signal) => listFunctions(signal));
  const key = JSON.stringify(filters);
  const page = useLoad(`applications:${key}`, (signal) =>
    listApplications({ ...filters, limit: PAGE_SIZE }, signal),
  );
  const fns = functions.state.status === 'ready' ? functions.state.data : [];

  useEffect(() => {
    document.title = `${t('catalog.inventory.title')} — Padu`;
  }, [t]);

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = search.trim();
    setFilters((f) => ({ ...f, search: trimmed === '' ? undefined : trimmed, offset: 0 }));
  };

  return (
    <section aria-labelledby="catalog-title">
      <h1 id="catalog-title">{t('catalog.inventory.title')}</h1>
      <p className="lead">{t('catalog.inventory.intro')}</p>
      <form className="filters" role="search" onSubmit={onSearch}>
        <div className="field">
          <label htmlFor="catalog-search">{t('catalog.search')}</label>
          <input
            id="catalog-search"
            type="search"
            value={search}
            placeholder={t('catalog.searchPlaceholder')}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="catalog-function">{t('catalog.function')}</label>
          <select
            id="catalog-function"
            value={filters.function ?? ''}
            onChange={(e) =>
              setFilters((f) => ({ ...f, function: e.target.value || undefined, offset: 0 }))
            }
          >
            <option value="">{t('catalog.all')}</option>
            {fns.map((f) => (
              <option key={f.code} value={f.code}>
                {lang === 'id' ? f.name : f.nameEn}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="catalog-status">{t('catalog.status')}</label>
          <select
            id="catalog-status"
            value={filters.status ?? ''}
            onChange={(e) =>
              setFilters((f) => ({
                ...f,
                status: (e.target.value || undefined) as ApplicationStatus | undefined,
                offset: 0,
              }))
            }
          >
            <option value="">{t('catalog.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`catalog.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-action">
          <button type="submit" className="button">
            {t('catalog.searchButton')}
          </button>
        </div>
      </form>
      {page.state.status === 'loading' && <Loading />}
      {page.state.status === 'error' && (
        <ErrorAlert error={page.state.error} onRetry={page.reload} />
      )}
      {page.state.status === 'ready' && (
        <>
          <p className="muted" data-testid="catalog-total">
            {t('catalog.inventory.count', { count: page.state.data.total.toLocaleString(lang) })}
          </p>
          <div className="table-scroll">
            <table className="data-table" data-testid="catalog-table">
              <thead>
                <tr>
                  <th scope="col">{t('catalog.name')}</th>
                  <th scope="col">{t('catalog.agency')}</th>
                  <th scope="col">{t('catalog.function')}</th>
                  <th scope="col">{t('catalog.status')}</th>
                  <th scope="col" className="number">
                    {t('catalog.confidence')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.state.data.items.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <a href={applicationHash(a.id)}>{a.name}</a>
                      {a.acronym && <span className="muted"> ({a.acronym})</span>}
                    </td>
                    <td>
                      {a.agencyName}
                      {a.unit && <span className="muted"> — {a.unit}</span>}
                    </td>
                    <td>
                      {a.clusterId === null ? (
                        '—'
                      ) : (
                        <a href={clusterHash(a.clusterId)}>
                          {a.functionCode === null
                            ? t('catalog.similarityGroup')
                            : functionName(fns, a.functionCode, lang)}
                        </a>
                      )}
                      {a.decided && <span className="badge">{t('catalog.decided')}</span>}
                    </td>
                    <td>{t(`catalog.status.${a.status}`)}</td>
                    <td className="number">{formatPercent(a.confidence, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            offset={filters.offset ?? 0}
            total={page.state.data.total}
            onChange={(offset) => setFilters((f) => ({ ...f, offset }))}
          />
        </>
      )}
    </section>
  );
}

function Pager({
  offset,
  total,
  onChange,
}: {
  offset: number;
  total: number;
  onChange: (offset: number) => void;
}) {
  const { t } = useI18n();
  if (total <= PAGE_SIZE) return null;
  return (
    <div className="pager">
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={offset === 0}
        onClick={() => onChange(Math.max(0, offset - PAGE_SIZE))}
      >
        {t('catalog.previous')}
      </button>
      <span className="muted">
        {t('catalog.pageOf', {
          from: offset + 1,
          to: Math.min(total, offset + PAGE_SIZE),
          total,
        })}
      </span>
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={offset + PAGE_SIZE >= total}
        onClick={() => onChange(offset + PAGE_SIZE)}
      >
        {t('catalog.next')}
      </button>
    </div>
  );
}
