import { useEffect, useState } from 'react';
import type { User } from '../../api';
import {
  decide,
  listApplications,
  listClusters,
  listFunctions,
  type ClusteringReport,
  type DecisionKind,
} from '../../catalogApi';
import { errorMessage } from '../../errors';
import { useI18n, type MessageKey } from '../../i18n';
import { applicationHash, clusterHash } from '../../router';
import { useLoad } from '../../shared/useLoad';
import { ErrorAlert, Loading } from '../Status';
import { formatPercent, formatRupiah, functionName, sharedApplicationName } from './CatalogNav';

const MEMBERS_SHOWN = 500;

interface Outcome {
  ok: boolean;
  text: string;
}

/**
 * Cluster review: the clusters, largest first; for one cluster its applications with the
 * evidence, and (for platform admins) confirm, move or split.
 */
export function ClusterReview({
  clusterId,
  user,
}: {
  clusterId: string | null;
  user: User | null | undefined;
}) {
  const { t, lang } = useI18n();
  const [version, setVersion] = useState(0);
  // Kept here: the cluster's detail is loaded afresh after a decision.
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const clusters = useLoad(`clusters:${version}`, (signal) => listClusters(signal));
  const functions = useLoad('functions', (signal) => listFunctions(signal));
  const fns = functions.state.status === 'ready' ? functions.state.data : [];

  useEffect(() => {
    document.title = `${t('catalog.clusters.title')} — Padu`;
  }, [t]);

  return (
    <section aria-labelledby="clusters-title" className="cluster-review">
      <h1 id="clusters-title">{t('catalog.clusters.title')}</h1>
      <p className="lead">{t('catalog.clusters.intro')}</p>
      {clusterId !== null && (
        <ClusterDetail
          key={`${clusterId}:${version}`}
          clusterId={clusterId}
          canDecide={user?.role === 'platform_admin'}
          onDecided={(result) => {
            setOutcome(result);
            if (result.ok) setVersion((v) => v + 1);
          }}
          outcome={outcome}
          functions={fns}
        />
      )}
      <h2>{t('catalog.clusters.all')}</h2>
      {clusters.state.status === 'loading' && <Loading />}
      {clusters.state.status === 'error' && (
        <ErrorAlert error={clusters.state.error} onRetry={clusters.reload} />
      )}
      {clusters.state.status === 'ready' && clusters.state.data.length === 0 && (
        <p className="notice">{t('catalog.clusters.none')}</p>
      )}
      {clusters.state.status === 'ready' && clusters.state.data.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" data-testid="cluster-table">
            <thead>
              <tr>
                <th scope="col">{t('catalog.cluster')}</th>
                <th scope="col">{t('catalog.sharedApplication')}</th>
                <th scope="col" className="number">
                  {t('catalog.applications')}
                </th>
                <th scope="col" className="number">
                  {t('catalog.agencies')}
                </th>
                <th scope="col" className="number">
                  {t('catalog.decidedCount')}
                </th>
                <th scope="col" className="number">
                  {t('catalog.confidence')}
                </th>
                <th scope="col" className="number">
                  {t('catalog.annualCost')}
                </th>
              </tr>
            </thead>
            <tbody>
              {clusters.state.data.map((c) => (
                <tr key={c.clusterId} aria-current={c.clusterId === clusterId ? 'true' : undefined}>
                  <td>
                    <a href={clusterHash(c.clusterId)}>
                      {c.functionCode === null
                        ? `${t('catalog.similarityGroup')} ${c.clusterId}`
                        : functionName(fns, c.functionCode, lang)}
                    </a>
                  </td>
                  <td>{c.sharedApplication ?? '—'}</td>
                  <td className="number">{c.applications.toLocaleString(lang)}</td>
                  <td className="number">{c.agencies.toLocaleString(lang)}</td>
                  <td className="number">{c.decided.toLocaleString(lang)}</td>
                  <td className="number">{formatPercent(c.meanConfidence, lang)}</td>
                  <td className="number">{formatRupiah(c.annualCost, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ClusterDetail({
  clusterId,
  canDecide,
  onDecided,
  outcome,
  functions,
}: {
  clusterId: string;
  canDecide: boolean;
  onDecided: (outcome: Outcome) => void;
  outcome: Outcome | null;
  functions: Awaited<ReturnType<typeof listFunctions>>;
}) {
  const { t, lang } = useI18n();
  const members = useLoad(`members:${clusterId}`, (signal) =>
    listApplications({ cluster: clusterId, limit: MEMBERS_SHOWN }, signal),
  );
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [target, setTarget] = useState('');
  const [busy, setBusy] = useState(false);

  if (members.state.status === 'loading') return <Loading />;
  if (members.state.status === 'error')
    return <ErrorAlert error={members.state.error} onRetry={members.reload} />;
  const { items, total } = members.state.data;
  const functionCode = items[0]?.functionCode ?? null;
  const title =
    functionCode === null
      ? `${t('catalog.similarityGroup')} ${clusterId}`
      : functionName(functions, functionCode, lang);

  const run = async (kind: DecisionKind, ids: number[], fn?: string) => {
    setBusy(true);
    try {
      const report: ClusteringReport = await decide({
        applicationIds: ids,
        kind,
        ...(fn === undefined ? {} : { functionCode: fn }),
      });
      onDecided({
        ok: true,
        text: t('catalog.decided.done', {
          count: ids.length,
          decision: t(`catalog.decision.${kind}` as MessageKey),
          seconds: report.seconds.toFixed(2),
        }),
      });
    } catch (error) {
      onDecided({ ok: false, text: errorMessage(t, error) });
      setBusy(false);
    }
  };
  const toggle = (id: number) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <section
      aria-labelledby="cluster-title"
      className="card cluster-detail"
      data-testid="cluster-detail"
    >
      <h2 id="cluster-title">{title}</h2>
      <p className="muted">
        {t('catalog.clusters.members', { shown: items.length, total })}
        {items[0]?.sharedApplication && (
          <>
            {' '}
            · {t('catalog.sharedApplication')}:{' '}
            <strong>
              {sharedApplicationName(functions, functionCode, items[0].sharedApplication)}
            </strong>
          </>
        )}
      </p>
      {outcome && (
        <p
          className={outcome.ok ? 'notice' : 'status status-error'}
          role={outcome.ok ? 'status' : 'alert'}
          data-testid="decision-outcome"
        >
          {outcome.text}
        </p>
      )}
      {canDecide && (
        <div className="decision-bar">
          {functionCode !== null && (
            <button
              type="button"
              className="button"
              disabled={busy || items.length === 0}
              data-testid="confirm-cluster"
              onClick={() =>
                void run(
                  'confirm',
                  items.map((a) => a.id),
                  functionCode,
                )
              }
            >
              {t('catalog.confirmCluster', { count: items.length })}
            </button>
          )}
          <div className="field inline">
            <label htmlFor="move-target">{t('catalog.moveTo')}</label>
            <select id="move-target" value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">—</option>
              {functions.map((f) => (
                <option key={f.code} value={f.code}>
                  {lang === 'id' ? f.name : f.nameEn}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button button-secondary"
              disabled={busy || selected.size === 0 || target === ''}
              onClick={() => void run('move', [...selected], target)}
            >
              {t('catalog.moveSelected', { count: selected.size })}
            </button>
          </div>
          <button
            type="button"
            className="button button-secondary"
            disabled={busy || selected.size === 0}
            onClick={() => void run('split', [...selected])}
          >
            {t('catalog.splitSelected', { count: selected.size })}
          </button>
        </div>
      )}
      <div className="table-scroll">
        <table className="data-table" data-testid="cluster-members">
          <thead>
            <tr>
              {canDecide && (
                <th scope="col">
                  <span className="visually-hidden">{t('catalog.select')}</span>
                </th>
              )}
              <th scope="col">{t('catalog.name')}</th>
              <th scope="col">{t('catalog.agency')}</th>
              <th scope="col">{t('catalog.description')}</th>
              <th scope="col" className="number">
                {t('catalog.confidence')}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id}>
                {canDecide && (
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('catalog.selectApplication', { name: a.name })}
                      checked={selected.has(a.id)}
                      onChange={() => toggle(a.id)}
                    />
                  </td>
                )}
                <td>
                  <a href={applicationHash(a.id)}>{a.name}</a>
                  {a.acronym && <span className="muted"> ({a.acronym})</span>}
                  {a.decided && (
                    <>
                      {' '}
                      <span className="badge" data-testid="decided-badge">
                        {t('catalog.decided')}
                      </span>
                    </>
                  )}
                </td>
                <td>
                  {a.agencyName}
                  {a.unit && <span className="muted"> — {a.unit}</span>}
                </td>
                <td className="description-cell">{a.description ?? '—'}</td>
                <td className="number">{formatPercent(a.confidence, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
