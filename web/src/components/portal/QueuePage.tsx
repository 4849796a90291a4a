import { Fragment, useEffect, useState, type FormEvent } from 'react';
import { ApiError, query, request, type User } from '../../api';
import { errorMessage } from '../../errors';
import { useI18n, type MessageKey } from '../../i18n';
import {
  LOGIN_HASH,
  QUEUE_HASH,
  navigate,
  queueHash,
  queueItemHash,
  type Route,
} from '../../router';
import { useLoad } from '../../shared/useLoad';
import { formatDateTime } from '../exchange/ExchangeNav';
import { SelectField } from '../SelectField';
import { ErrorAlert, Loading } from '../Status';

/** The citizens' applications to an agency (/api/v1/portal/queue), for its operators. */

const STATUSES = [
  'submitted',
  'verified',
  'in_process',
  'needs_correction',
  'completed',
  'rejected',
] as const;
type Status = (typeof STATUSES)[number];

/** Where an operator may move an application from each status. */
const MOVES: Record<Status, readonly Status[]> = {
  submitted: ['verified', 'needs_correction', 'rejected'],
  verified: ['in_process', 'needs_correction', 'rejected'],
  in_process: ['completed', 'needs_correction', 'rejected'],
  needs_correction: [],
  completed: [],
  rejected: [],
};

const NEEDS_NOTE: readonly Status[] = ['needs_correction', 'rejected'];

interface QueueItem {
  reference: string;
  service: { slug: string; name: string; nameEn: string };
  agency: { code: string; name: string };
  status: Status;
  submittedAt: string;
  updatedAt: string;
  applicant: { nik: string; name: string };
}

interface QueueApplication extends QueueItem {
  data: Record<string, unknown>;
  timeline: { status: Status; note: string | null; at: string; by: 'citizen' | 'operator' }[];
  prefilledFields: string[];
}

/** What the queue reads of a service's form (JSON Schema) to label the data. */
interface FormField {
  title?: string;
  'x-title-en'?: string;
  enum?: unknown[];
  'x-enum-labels'?: unknown;
  items?: FormField;
  properties?: Record<string, FormField>;
}

const QUEUE = '/api/v1/portal/queue';

function statusKey(status: Status): MessageKey {
  return `queue.status.${status}`;
}

export function QueuePage({
  route,
  user,
}: {
  route: Extract<Route, { page: 'queue' | 'queueItem' }>;
  user: User | null | undefined;
}) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${t('queue.title')} — Padu`;
  }, [t]);
  return (
    <section aria-labelledby="queue-title">
      {user === null && (
        <p className="notice" data-testid="login-required">
          {t('queue.loginRequired')} <a href={LOGIN_HASH}>{t('nav.login')}</a>
        </p>
      )}
      {user && route.page === 'queue' && <QueueList status={route.status} />}
      {user && route.page === 'queueItem' && <QueueDetail reference={route.reference} />}
    </section>
  );
}

function QueueList({ status }: { status: string }) {
  const { t, lang, formatNumber } = useI18n();
  const { state, reload } = useLoad(`queue:${status}`, async (signal) => {
    const body = (await request(`${QUEUE}${query({ status: status || undefined })}`, {
      signal,
    })) as { items: QueueItem[] };
    return body.items;
  });
  return (
    <>
      <h1 id="queue-title">{t('queue.title')}</h1>
      <p className="lead">{t('queue.intro')}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="queue-status"
          label={t('queue.filter')}
          value={status}
          onChange={(next) => navigate(queueHash(next), { replace: true })}
          empty={t('queue.allStatuses')}
          options={STATUSES.map((s) => ({ value: s, label: t(statusKey(s)) }))}
        />
      </form>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorAlert error={state.error} onRetry={reload} />}
      {state.status === 'ready' && (
        <>
          <p className="muted" role="status">
            {t('queue.count', { count: formatNumber(state.data.length) })}
          </p>
          {state.data.length === 0 ? (
            <p className="muted">{t('queue.none')}</p>
          ) : (
            <div className="table-scroll">
              <table className="data-table">
                <caption className="visually-hidden">{t('queue.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('queue.reference')}</th>
                    <th scope="col">{t('queue.service')}</th>
                    <th scope="col">{t('queue.applicant')}</th>
                    <th scope="col">{t('queue.submittedAt')}</th>
                    <th scope="col">{t('queue.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {state.data.map((item) => (
                    <tr key={item.reference}>
                      <td>
                        <a className="code" href={queueItemHash(item.reference)}>
                          {item.reference}
                        </a>
                      </td>
                      <td>
                        {lang === 'en' && item.service.nameEn
                          ? item.service.nameEn
                          : item.service.name}
                      </td>
                      <td>
                        {item.applicant.name}{' '}
                        <span className="muted code">{item.applicant.nik}</span>
                      </td>
                      <td>{formatDateTime(item.submittedAt, lang)}</td>
                      <td>
                        <span className="badge">{t(statusKey(item.status))}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}

/** A submitted value: text, yes/no, enum labels, and arrays of items as a list. */
function Value({ value, field }: { value: unknown; field: FormField | undefined }) {
  const { t, lang } = useI18n();
  if (value === null || value === undefined || value === '') return <>—</>;
  if (typeof value === 'boolean') return <>{value ? t('queue.yes') : t('queue.no')}</>;
  if (typeof value === 'string' || typeof value === 'number') {
    const index = field?.enum?.indexOf(value) ?? -1;
    const labels = field?.['x-enum-labels'];
    const label = Array.isArray(labels)
      ? (labels as unknown[])[index]
      : labels && typeof labels === 'object'
        ? (labels as Record<string, unknown>)[String(value)]
        : undefined;
    return <>{typeof label === 'string' ? `${label} (${value})` : value}</>;
  }
  if (Array.isArray(value))
    return (
      <ol>
        {(value as unknown[]).map((item, i) => (
          <li key={i}>
            {item && typeof item === 'object' ? (
              Object.entries(item as Record<string, unknown>).map(([name, v]) => (
                <div key={name}>
                  {fieldLabel(field?.items?.properties?.[name], name, lang)}:{' '}
                  <Value value={v} field={field?.items?.properties?.[name]} />
                </div>
              ))
            ) : (
              <Value value={item} field={field?.items} />
            )}
          </li>
        ))}
      </ol>
    );
  return <pre className="code">{JSON.stringify(value, null, 2)}</pre>;
}

function fieldLabel(field: FormField | undefined, name: string, lang: string): string {
  return (lang === 'en' ? field?.['x-title-en'] : undefined) ?? field?.title ?? name;
}

function QueueDetail({ reference }: { reference: string }) {
  const { t, lang } = useI18n();
  const loaded = useLoad(`queue-item:${reference}`, async (signal) => {
    const body = await request(`${QUEUE}/${encodeURIComponent(reference)}`, { signal });
    return body as QueueApplication;
  });
  // The server's answer to a status move replaces what was loaded.
  const [moved, setMoved] = useState<{ application: QueueApplication; message: string } | null>(
    null,
  );
  const state =
    loaded.state.status === 'ready' && moved?.application.reference === reference
      ? { status: 'ready' as const, data: moved.application }
      : loaded.state;
  const slug = state.status === 'ready' ? state.data.service.slug : '';
  const form = useLoad(`queue-form:${slug}`, async (signal) => {
    if (slug === '') return {};
    const body = (await request(`/api/v1/portal/services/${encodeURIComponent(slug)}`, {
      signal,
    })) as { form?: { properties?: Record<string, FormField> } };
    return body.form?.properties ?? {};
  });
  const fields: Record<string, FormField> = form.state.status === 'ready' ? form.state.data : {};

  return (
    <>
      <p>
        <a href={QUEUE_HASH}>{t('queue.back')}</a>
      </p>
      <h1 id="queue-title">
        {t('queue.title')}: <span className="code">{reference}</span>
      </h1>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorAlert error={state.error} onRetry={loaded.reload} />}
      {state.status === 'ready' && (
        <>
          <dl className="details">
            <dt>{t('queue.service')}</dt>
            <dd>
              {lang === 'en' && state.data.service.nameEn
                ? state.data.service.nameEn
                : state.data.service.name}
            </dd>
            <dt>{t('queue.applicant')}</dt>
            <dd>
              {state.data.applicant.name}{' '}
              <span className="muted code">{state.data.applicant.nik}</span>
            </dd>
            <dt>{t('queue.agency')}</dt>
            <dd>{state.data.agency.name}</dd>
            <dt>{t('queue.submittedAt')}</dt>
            <dd>{formatDateTime(state.data.submittedAt, lang)}</dd>
            <dt>{t('queue.status')}</dt>
            <dd>
              <span className="badge" data-testid="queue-status">
                {t(statusKey(state.data.status))}
              </span>
            </dd>
          </dl>
          {moved && (
            <p className="notice" role="status">
              {moved.message}
            </p>
          )}
          <StatusForm
            key={state.data.updatedAt}
            application={state.data}
            onMoved={(application, message) => setMoved({ application, message })}
          />
          <h2>{t('queue.data')}</h2>
          <dl className="details">
            {Object.entries(state.data.data).map(([name, value]) => (
              <Fragment key={name}>
                <dt>
                  {fieldLabel(fields[name], name, lang)}
                  {state.data.prefilledFields.includes(name) && (
                    <>
                      {' '}
                      <span className="badge">{t('queue.prefilled')}</span>
                    </>
                  )}
                </dt>
                <dd>
                  <Value value={value} field={fields[name]} />
                </dd>
              </Fragment>
            ))}
          </dl>
          <h2>{t('queue.timeline')}</h2>
          <ol>
            {state.data.timeline.map((entry, i) => (
              <li key={i}>
                <strong>{t(statusKey(entry.status))}</strong> — {formatDateTime(entry.at, lang)}{' '}
                <span className="muted">{t(`queue.by.${entry.by}`)}</span>
                {entry.note && <p>{entry.note}</p>}
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

function StatusForm({
  application,
  onMoved,
}: {
  application: QueueApplication;
  onMoved: (application: QueueApplication, message: string) => void;
}) {
  const { t } = useI18n();
  const moves = MOVES[application.status];
  const [next, setNext] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  if (moves.length === 0)
    return (
      <p className="notice">
        {application.status === 'needs_correction' ? t('queue.waiting') : t('queue.final')}
      </p>
    );

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const status = moves.find((m) => m === next);
    if (status === undefined) return;
    if (NEEDS_NOTE.includes(status) && note.trim() === '') {
      setFailure(t('queue.noteRequired'));
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const json: { status: Status; note?: string } = { status };
      if (note.trim() !== '') json.note = note.trim();
      const updated = (await request(
        `${QUEUE}/${encodeURIComponent(application.reference)}/status`,
        { method: 'POST', json },
      )) as QueueApplication;
      onMoved({ ...application, ...updated }, t('queue.moved', { status: t(statusKey(status)) }));
    } catch (error) {
      setFailure(
        error instanceof ApiError && error.fromServer ? error.message : errorMessage(t, error),
      );
      setBusy(false);
    }
  };

  return (
    <form className="form card" onSubmit={(e) => void onSubmit(e)}>
      <h2>{t('queue.move')}</h2>
      <fieldset>
        <legend>{t('queue.next')}</legend>
        {moves.map((m) => (
          <label key={m} className="field inline">
            <input
              type="radio"
              name="queue-next"
              value={m}
              checked={next === m}
              onChange={() => setNext(m)}
            />{' '}
            {t(statusKey(m))}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="queue-note">{t('queue.note')}</label>
        <textarea
          id="queue-note"
          rows={3}
          value={note}
          aria-describedby="queue-note-hint"
          onChange={(e) => setNote(e.target.value)}
        />
        <p className="hint" id="queue-note-hint">
          {t('queue.noteHint')}
        </p>
      </div>
      {failure && (
        <p className="status status-error" role="alert">
          {failure}
        </p>
      )}
      <p>
        <button type="submit" className="button" disabled={busy || next === ''}>
          {t('queue.submit')}
        </button>
      </p>
    </form>
  );
}
