import { useEffect, useState, type FormEvent } from 'react';
import { listServices } from '../../exchangeApi';
import { useI18n } from '../../i18n';
import { exchangeServiceHash } from '../../router';
import { useLoad } from '../../shared/useLoad';
import { ErrorAlert, Loading } from '../Status';

/** Every agency's published services: search, agency and system, version, status, gateway path. */
export function ServiceCatalog() {
  const { t, formatNumber } = useI18n();
  const [search, setSearch] = useState('');
  const [applied, setApplied] = useState<string | undefined>(undefined);
  const services = useLoad(`exchange-services:${applied ?? ''}`, (signal) =>
    listServices(applied, signal),
  );

  useEffect(() => {
    document.title = `${t('exchange.services.title')} — Padu`;
  }, [t]);

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = search.trim();
    setApplied(trimmed === '' ? undefined : trimmed);
  };

  return (
    <section aria-labelledby="exchange-services-title">
      <h1 id="exchange-services-title">{t('exchange.services.title')}</h1>
      <p className="lead">{t('exchange.services.intro')}</p>
      <form className="filters" role="search" onSubmit={onSearch}>
        <div className="field">
          <label htmlFor="exchange-service-search">{t('exchange.services.search')}</label>
          <input
            id="exchange-service-search"
            type="search"
            value={search}
            placeholder={t('exchange.services.searchPlaceholder')}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <div className="field field-action">
          <button type="submit" className="button">
            {t('exchange.services.searchButton')}
          </button>
        </div>
      </form>
      {services.state.status === 'loading' && <Loading />}
      {services.state.status === 'error' && (
        <ErrorAlert error={services.state.error} onRetry={services.reload} />
      )}
      {services.state.status === 'ready' && (
        <>
          <p className="muted" data-testid="service-count" role="status">
            {t('exchange.services.count', { count: formatNumber(services.state.data.length) })}
          </p>
          {services.state.data.length > 0 && (
            <div className="table-scroll">
              <table className="data-table" data-testid="service-table">
                <caption className="visually-hidden">{t('exchange.services.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('exchange.service')}</th>
                    <th scope="col">{t('exchange.providerSystem')}</th>
                    <th scope="col">{t('exchange.version')}</th>
                    <th scope="col">{t('exchange.status')}</th>
                    <th scope="col">{t('exchange.gatewayPath')}</th>
                    <th scope="col" className="number">
                      {t('exchange.operations')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {services.state.data.map((s) => (
                    <tr key={s.id}>
                      <td>
                        <a href={exchangeServiceHash(s.id)}>{s.name}</a>
                        {s.description && <div className="muted">{s.description}</div>}
                      </td>
                      <td>
                        <span className="code">{s.agencyCode}</span> · {s.system.name}
                      </td>
                      <td>{s.version ?? '—'}</td>
                      <td>
                        <span className="badge">
                          {s.status === 'active'
                            ? t('exchange.serviceStatus.active')
                            : t('exchange.serviceStatus.inactive')}
                        </span>
                      </td>
                      <td>
                        <code className="code">{s.path}</code>
                      </td>
                      <td className="number">
                        {s.operations.length === 0 ? '—' : formatNumber(s.operations.length)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
