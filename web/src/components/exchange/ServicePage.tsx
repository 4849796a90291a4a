import { useEffect } from 'react';
import { getService } from '../../exchangeApi';
import { useI18n } from '../../i18n';
import { exchangeHash } from '../../router';
import { useLoad } from '../../shared/useLoad';
import { ErrorAlert, Loading } from '../Status';

/** One service: its provider, gateway address and the operations of its OpenAPI document. */
export function ServicePage({ id }: { id: number }) {
  const { t } = useI18n();
  const service = useLoad(`exchange-service:${id}`, (signal) => getService(id, signal));
  const name = service.state.status === 'ready' ? service.state.data.name : null;

  useEffect(() => {
    document.title = `${name ?? t('exchange.service')} — Padu`;
  }, [name, t]);

  return (
    <section aria-labelledby="exchange-service-title">
      <p>
        <a href={exchangeHash('services')}>← {t('exchange.services.title')}</a>
      </p>
      {service.state.status === 'loading' && <Loading />}
      {service.state.status === 'error' && (
        <ErrorAlert error={service.state.error} onRetry={service.reload} />
      )}
      {service.state.status === 'ready' && (
        <>
          <h1 id="exchange-service-title">{service.state.data.name}</h1>
          {service.state.data.description && (
            <p className="lead">{service.state.data.description}</p>
          )}
          <dl className="details" data-testid="service-details">
            <dt>{t('exchange.agency')}</dt>
            <dd className="code">{service.state.data.agencyCode}</dd>
            <dt>{t('exchange.system')}</dt>
            <dd>{service.state.data.system.name}</dd>
            <dt>{t('exchange.version')}</dt>
            <dd>{service.state.data.version ?? '—'}</dd>
            <dt>{t('exchange.status')}</dt>
            <dd>
              {service.state.data.status === 'active'
                ? t('exchange.serviceStatus.active')
                : t('exchange.serviceStatus.inactive')}
            </dd>
            <dt>{t('exchange.gatewayPath')}</dt>
            <dd>
              <code className="code">
                {window.location.origin}
                {service.state.data.path}/…
              </code>
              <p className="hint">{t('exchange.service.callHint')}</p>
            </dd>
            <dt>{t('exchange.personalData')}</dt>
            <dd>
              {service.state.data.personalData
                ? t('exchange.personalData.yes')
                : t('exchange.personalData.no')}
            </dd>
          </dl>
          <h2>{t('exchange.operations')}</h2>
          {service.state.data.operations.length === 0 ? (
            <p className="muted">{t('exchange.service.noOpenApi')}</p>
          ) : (
            <div className="table-scroll">
              <table className="data-table" data-testid="operation-table">
                <caption className="visually-hidden">{t('exchange.operations')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('exchange.method')}</th>
                    <th scope="col">{t('exchange.path')}</th>
                    <th scope="col">{t('exchange.summary')}</th>
                  </tr>
                </thead>
                <tbody>
                  {service.state.data.operations.map((o) => (
                    <tr key={`${o.method} ${o.path}`}>
                      <td>
                        <span className="badge">{o.method}</span>
                      </td>
                      <td>
                        <code className="code">{o.path}</code>
                      </td>
                      <td>{o.summary ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p>
            <a href={exchangeHash('grants')}>{t('exchange.service.requestAccess')}</a>
          </p>
        </>
      )}
    </section>
  );
}
