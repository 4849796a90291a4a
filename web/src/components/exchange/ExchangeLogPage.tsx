import { useEffect, useState, type FormEvent } from 'react';
import { errorMessage } from '../../errors';
import {
  listGrants,
  listLog,
  listServices,
  listSystems,
  NotYetCheckpointedError,
  proofBundle,
  STATUS_CLASSES,
  type LogFilters,
  type StatusClass,
} from '../../exchangeApi';
import { useI18n } from '../../i18n';
import { useLoad } from '../../shared/useLoad';
import { SelectField } from '../SelectField';
import { ErrorAlert, Loading } from '../Status';
import { formatDateTime, formatMs, saveFile, serviceLabel } from './ExchangeNav';

const PAGE_SIZE = 50;

type Filters = Omit<LogFilters, 'before' | 'limit'>;

interface Draft {
  serviceId: string;
  consumerSystemId: string;
  status: string;
  subject: string;
}

const EMPTY_DRAFT: Draft = { serviceId: '', consumerSystemId: '', status: '', subject: '' };

function filtersOf(draft: Draft): Filters {
  const filters: Filters = {};
  if (draft.serviceId !== '') filters.serviceId = Number(draft.serviceId);
  if (draft.consumerSystemId !== '') filters.consumerSystemId = Number(draft.consumerSystemId);
  if (draft.status !== '') filters.status = draft.status as StatusClass;
  const subject = draft.subject.trim();
  if (subject !== '') filters.subject = subject;
  return filters;
}

/**
 * The exchange log: filters, pages newest first, and per entry a proof of inclusion to download
 * (the entry's bytes, its audit path and the signed checkpoint, in one JSON file).
 */
export function ExchangeLogPage() {
  const { t, lang, formatNumber } = useI18n();
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [filters, setFilters] = useState<Filters>({});
  // The `before` of each page shown so far; the last is the current page (undefined: newest).
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const [version, setVersion] = useState(0);
  const before = cursors.at(-1);
  const page = useLoad(
    `exchange-log:${JSON.stringify(filters)}:${before ?? ''}:${version}`,
    (signal) => listLog({ ...filters, before, limit: PAGE_SIZE }, signal),
  );
  const services = useLoad('exchange-services:log', (signal) => listServices(undefined, signal));
  const consumers = useLoad('exchange-consumers:log', async (signal) => {
    // The consumers an official can meet in their log: their own systems and those in their grants.
    const [systems, grants] = await Promise.all([listSystems(signal), listGrants(signal)]);
    const byId = new Map<number, string>();
    for (const s of systems) byId.set(s.id, `${s.agencyCode} · ${s.name}`);
    for (const g of grants) byId.set(g.consumerSystemId, `${g.consumerAgency} · ${g.consumerName}`);
    return [...byId].sort(([, a], [, b]) => a.localeCompare(b));
  });
  const [proof, setProof] = useState<{ ok: boolean; text: string } | null>(null);
  const [busyProof, setBusyProof] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${t('exchange.log.title')} — Padu`;
  }, [t]);

  const onFilter = (event: FormEvent) => {
    event.preventDefault();
    setFilters(filtersOf(draft));
    setCursors([undefined]);
  };

  const onReset = () => {
    setDraft(EMPTY_DRAFT);
    setFilters({});
    setCursors([undefined]);
  };

  const onProof = async (requestId: string) => {
    setBusyProof(requestId);
    setProof(null);
    try {
      const bundle = await proofBundle(requestId);
      const fileName = `padu-bukti-${requestId}.json`;
      saveFile(fileName, `${JSON.stringify(bundle, null, 2)}\n`, 'application/json');
      setProof({
        ok: true,
        text: t('exchange.log.proofSaved', {
          file: fileName,
          size: formatNumber(bundle.inclusionProof.treeSize),
        }),
      });
    } catch (error) {
      setProof({
        ok: false,
        text:
          error instanceof NotYetCheckpointedError
            ? t('exchange.log.proofNotYet')
            : errorMessage(t, error),
      });
    } finally {
      setBusyProof(null);
    }
  };

  const set = (key: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const serviceList = services.state.status === 'ready' ? services.state.data : [];
  const consumerList = consumers.state.status === 'ready' ? consumers.state.data : [];
  return (
    <section aria-labelledby="exchange-log-title">
      <h1 id="exchange-log-title">{t('exchange.log.title')}</h1>
      <p className="lead">{t('exchange.log.intro')}</p>
      <form className="filters" role="search" onSubmit={onFilter} data-testid="log-filters">
        <SelectField
          id="log-service"
          label={t('exchange.service')}
          value={draft.serviceId}
          onChange={set('serviceId')}
          empty={t('exchange.all')}
          options={serviceList.map((s) => ({ value: s.id, label: serviceLabel(s) }))}
        />
        <SelectField
          id="log-consumer"
          label={t('exchange.consumer')}
          value={draft.consumerSystemId}
          onChange={set('consumerSystemId')}
          empty={t('exchange.all')}
          options={consumerList.map(([id, name]) => ({ value: id, label: name }))}
        />
        <SelectField
          id="log-status"
          label={t('exchange.status')}
          value={draft.status}
          onChange={set('status')}
          empty={t('exchange.all')}
          options={STATUS_CLASSES.map((c) => ({ value: c, label: t(`exchange.log.status.${c}`) }))}
        />
        <div className="field">
          <label htmlFor="log-subject">{t('exchange.log.subject')}</label>
          <input
            id="log-subject"
            type="search"
            inputMode="numeric"
            maxLength={200}
            value={draft.subject}
            placeholder="3404014101900001"
            onChange={(e) => set('subject')(e.target.value)}
          />
        </div>
        <div className="field field-action">
          <button type="submit" className="button">
            {t('exchange.log.apply')}
          </button>
        </div>
        <div className="field field-action">
          <button type="button" className="button button-secondary" onClick={onReset}>
            {t('exchange.log.reset')}
          </button>
        </div>
      </form>
      {proof && (
        <p
          className={proof.ok ? 'notice' : 'status status-error'}
          role={proof.ok ? 'status' : 'alert'}
          data-testid="proof-outcome"
        >
          {proof.text}
        </p>
      )}
      {page.state.status === 'loading' && <Loading />}
      {page.state.status === 'error' && (
        <ErrorAlert error={page.state.error} onRetry={page.reload} />
      )}
      {page.state.status === 'ready' && (
        <>
          <p className="muted" role="status" data-testid="log-count">
            {page.state.data.entries.length === 0
              ? t('exchange.log.none')
              : t('exchange.log.shown', {
                  count: formatNumber(page.state.data.entries.length),
                  page: cursors.length,
                })}{' '}
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => setVersion((v) => v + 1)}
            >
              {t('exchange.refresh')}
            </button>
          </p>
          {page.state.data.entries.length > 0 && (
            <div className="table-scroll">
              <table className="data-table" data-testid="log-table">
                <caption className="visually-hidden">{t('exchange.log.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('exchange.log.time')}</th>
                    <th scope="col">{t('exchange.consumer')}</th>
                    <th scope="col">{t('exchange.service')}</th>
                    <th scope="col">{t('exchange.log.request')}</th>
                    <th scope="col" className="number">
                      {t('exchange.status')}
                    </th>
                    <th scope="col" className="number">
                      {t('exchange.log.latency')}
                    </th>
                    <th scope="col">{t('exchange.log.subject')}</th>
                    <th scope="col">{t('exchange.log.proof')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.state.data.entries.map(({ leafIndex, requestId, entry }) => (
                    <tr key={leafIndex} data-request-id={requestId}>
                      <td>
                        {formatDateTime(entry.timeIn, lang)}
                        <div className="muted code" title={t('exchange.log.requestId')}>
                          #{leafIndex} · {requestId}
                        </div>
                      </td>
                      <td>
                        <span className="code">{entry.consumerAgency}</span> /{' '}
                        {entry.consumerSystem}
                      </td>
                      <td>
                        <span className="code">{entry.providerAgency}</span> /{' '}
                        {entry.providerSystem} / {entry.service}
                      </td>
                      <td>
                        <span className="badge">{entry.method}</span>{' '}
                        <code className="code">{entry.path}</code>
                        {entry.purpose && <div className="muted">{entry.purpose}</div>}
                      </td>
                      <td className="number">{entry.status}</td>
                      <td className="number">{formatMs(entry.latencyMs, lang)}</td>
                      <td className="code">{entry.subject ?? '—'}</td>
                      <td>
                        <button
                          type="button"
                          className="button button-secondary button-small"
                          disabled={busyProof !== null}
                          aria-label={t('exchange.log.downloadProofFor', { id: requestId })}
                          onClick={() => void onProof(requestId)}
                        >
                          {t('exchange.log.downloadProof')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="pager">
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={cursors.length === 1}
              onClick={() => setCursors((c) => c.slice(0, -1))}
            >
              {t('exchange.log.newer')}
            </button>
            <span className="muted">{t('exchange.log.page', { page: cursors.length })}</span>
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={page.state.data.next === null}
              onClick={() => {
                const next = page.state.status === 'ready' ? page.state.data.next : null;
                if (next !== null) setCursors((c) => [...c, next]);
              }}
            >
              {t('exchange.log.older')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
