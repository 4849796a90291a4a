import { useEffect, useState } from 'react';
import type { User } from '../../api';
import { getApplication, listFunctions } from '../../catalogApi';
import { applicationExchange } from '../../exchangeApi';
import { useI18n, type MessageKey } from '../../i18n';
import { CATALOG_HASH, applicationHash, clusterHash, exchangeServiceHash } from '../../router';
import { useLoad } from '../../shared/useLoad';
import { ErrorAlert, Loading } from '../Status';
import { PlanForm, type PlanMessage } from './PlanForm';
import { formatPercent, formatRupiah, functionName, sharedApplicationName } from './CatalogNav';

/** One application: what the inventory says, its cluster, the evidence, the decisions taken. */
export function ApplicationPage({ id, user }: { id: number; user: User | null | undefined }) {
  const { t, lang } = useI18n();
  const app = useLoad(`application:${id}`, (signal) => getApplication(id, signal));
  const functions = useLoad('functions', (signal) => listFunctions(signal));
  const exchange = useLoad(`application-exchange:${id}`, (signal) =>
    applicationExchange(id, signal),
  );
  const fns = functions.state.status === 'ready' ? functions.state.data : [];
  const [planMessage, setPlanMessage] = useState<PlanMessage | null>(null);
  const title = app.state.status === 'ready' ? app.state.data.name : t('catalog.application');

  useEffect(() => {
    document.title = `${title} — Padu`;
  }, [title]);

  if (app.state.status === 'loading') return <Loading />;
  if (app.state.status === 'error')
    return <ErrorAlert error={app.state.error} onRetry={app.reload} />;
  const a = app.state.data;
  const yesNo = (value: boolean | null) =>
    value === null ? '—' : value ? t('catalog.yes') : t('catalog.no');
  return (
    <article aria-labelledby="application-title">
      <p>
        <a href={CATALOG_HASH}>← {t('catalog.inventory.title')}</a>
      </p>
      <h1 id="application-title">
        {a.name} {a.acronym && <span className="muted">({a.acronym})</span>}
      </h1>
      <p className="lead">{a.description ?? t('catalog.noDescription')}</p>
      <dl className="details">
        <dt>{t('catalog.agency')}</dt>
        <dd>{a.agencyName}</dd>
        <dt>{t('catalog.unit')}</dt>
        <dd>{a.unit ?? '—'}</dd>
        <dt>{t('catalog.sourceId')}</dt>
        <dd className="code">{a.sourceId}</dd>
        <dt>{t('catalog.status')}</dt>
        <dd>{t(`catalog.status.${a.status}` as MessageKey)}</dd>
        <dt>{t('catalog.annualCost')}</dt>
        <dd>{a.annualCost === null ? '—' : formatRupiah(a.annualCost, lang)}</dd>
        <dt>{t('catalog.personalData')}</dt>
        <dd>{yesNo(a.personalData)}</dd>
        <dt>{t('catalog.hosting')}</dt>
        <dd>{a.hosting ?? '—'}</dd>
        <dt>{t('catalog.technology')}</dt>
        <dd>{a.technology ?? '—'}</dd>
      </dl>

      <h2>{t('catalog.cluster')}</h2>
      {a.clusterId === null ? (
        <p className="muted">{t('catalog.notClustered')}</p>
      ) : (
        <>
          <p data-testid="application-cluster">
            <a href={clusterHash(a.clusterId)}>
              {a.functionCode === null
                ? t('catalog.similarityGroup')
                : functionName(fns, a.functionCode, lang)}
            </a>{' '}
            {a.sharedApplication && (
              <span>
                → {t('catalog.sharedApplication')}:{' '}
                <strong>{sharedApplicationName(fns, a.functionCode, a.sharedApplication)}</strong>
              </span>
            )}{' '}
            <span className="muted">
              ({t('catalog.confidence')} {formatPercent(a.confidence, lang)})
            </span>
          </p>
          {a.evidence && (
            <>
              <h3>{t('catalog.evidence')}</h3>
              <ul>
                {a.evidence.terms.length > 0 && (
                  <li>
                    {t('catalog.evidence.terms')}:{' '}
                    {a.evidence.terms.map((term) => (
                      <span key={`${term.term}-${term.field}`} className="badge term">
                        {term.term}{' '}
                        <small>({t(`catalog.field.${term.field}` as MessageKey)})</small>
                      </span>
                    ))}
                  </li>
                )}
                {a.evidence.neighbours.length > 0 && (
                  <li>
                    {t('catalog.evidence.neighbours')}:{' '}
                    {a.evidence.neighbours.map((n) => (
                      <a key={n.applicationId} href={applicationHash(n.applicationId)}>
                        #{n.applicationId} ({formatPercent(n.similarity, lang)}){' '}
                      </a>
                    ))}
                  </li>
                )}
                {a.evidence.runnerUp && (
                  <li>
                    {t('catalog.evidence.runnerUp')}:{' '}
                    {functionName(fns, a.evidence.runnerUp.functionCode, lang)}
                  </li>
                )}
              </ul>
            </>
          )}
        </>
      )}

      <h2>{t('catalog.plan.title')}</h2>
      <PlanForm
        key={a.plan?.updatedAt ?? 'none'}
        application={a}
        functions={fns}
        canEdit={
          user?.role === 'platform_admin' ||
          (user?.role === 'agency_operator' && user.agencyCode === a.agencyCode)
        }
        message={planMessage}
        onSaved={(message) => {
          setPlanMessage(message);
          if (message.ok) app.reload();
        }}
      />

      <h2>{t('catalog.exchange')}</h2>
      {exchange.state.status === 'loading' && <Loading />}
      {exchange.state.status === 'error' && (
        <ErrorAlert error={exchange.state.error} onRetry={exchange.reload} />
      )}
      {exchange.state.status === 'ready' &&
        (exchange.state.data.length === 0 ? (
          <p className="muted">{t('catalog.exchange.none')}</p>
        ) : (
          <ul data-testid="application-exchange">
            {exchange.state.data.map((system) => (
              <li key={system.id}>
                <strong>{system.name}</strong>{' '}
                <span className="code">
                  {system.agencyCode}/{system.slug}
                </span>
                {system.services.length === 0 ? (
                  <> — {t('catalog.exchange.noServices')}</>
                ) : (
                  <ul>
                    {system.services.map((service) => (
                      <li key={service.id}>
                        <a href={exchangeServiceHash(service.id)}>{service.name}</a>{' '}
                        <span className="code">{service.path}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        ))}

      <h2>{t('catalog.decisions')}</h2>
      {a.decisions.length === 0 ? (
        <p className="muted">{t('catalog.noDecisions')}</p>
      ) : (
        <ul data-testid="application-decisions">
          {a.decisions.map((d, i) => (
            <li key={i}>
              {t(`catalog.decision.${d.kind}` as MessageKey)}
              {d.functionCode && <> — {functionName(fns, d.functionCode, lang)}</>} · {d.decidedBy}{' '}
              · {new Date(d.decidedAt).toLocaleString(lang)}
              {d.note && <> · “{d.note}”</>}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
