import { useEffect, useState, type FormEvent } from 'react';
import {
  getApplication,
  getService,
  resubmitApplication,
  type Application,
  type FormSchema,
} from '../api';
import { clearFlash, peekFlash } from '../flash';
import { useI18n } from '../i18n';
import { usePageTitle } from '../pageTitle';
import { APPLICATIONS_HASH, applicationHash, serviceHash } from '../router';
import { initialValues, toData, type FormValues } from '../schemaForm';
import { useLoad } from '../../shared/useLoad';
import { StatusBadge } from './ApplicationsPage';
import { ErrorLang, ErrorSummary } from './Field';
import { SchemaFields, useErrorList } from './SchemaFields';
import { useSubmitFeedback } from '../useSubmitFeedback';
import { serviceName } from './ServicePage';
import { ErrorAlert, ErrorText, Loading } from './Status';
import { DataList } from './SubmittedData';

export function ApplicationPage({ reference }: { reference: string }) {
  const { t } = useI18n();
  const hash = applicationHash(reference);
  const [flash] = useState(() => peekFlash(hash));
  useEffect(() => clearFlash(hash), [hash]);
  const app = useLoad(`application:${reference}`, (signal) => getApplication(reference, signal));
  const slug = app.state.status === 'ready' ? app.state.data.service.slug : null;
  const service = useLoad(slug === null ? null : `service:${slug}`, (signal) =>
    getService(slug ?? '', signal),
  );
  usePageTitle(`${t('app.reference')} ${reference}`);

  return (
    <section aria-labelledby="app-title">
      <p className="breadcrumb">
        <a href={APPLICATIONS_HASH}>{t('app.back')}</a>
      </p>
      {flash && (
        <p className="notice notice-success" role="status">
          {flash}
        </p>
      )}
      {app.state.status === 'loading' && <Loading />}
      {app.state.status === 'error' && <ErrorAlert error={app.state.error} onRetry={app.reload} />}
      {app.state.status === 'ready' && (
        <ApplicationView
          application={app.state.data}
          form={service.state.status === 'ready' ? service.state.data.form : undefined}
          onChange={app.set}
        />
      )}
    </section>
  );
}

function ApplicationView({
  application,
  form,
  onChange,
}: {
  application: Application;
  form: FormSchema | undefined;
  onChange: (application: Application) => void;
}) {
  const { t, lang, formatDateTime } = useI18n();
  const [resubmitted, setResubmitted] = useState(false);
  const correctionNote = [...application.timeline]
    .reverse()
    .find((entry) => entry.status === 'needs_correction')?.note;
  return (
    <>
      <h1 id="app-title">{serviceName(application.service, lang)}</h1>
      <dl className="facts">
        <div>
          <dt>{t('app.reference')}</dt>
          <dd className="code">{application.reference}</dd>
        </div>
        <div>
          <dt>{t('app.status')}</dt>
          <dd>
            <StatusBadge status={application.status} />
          </dd>
        </div>
        <div>
          <dt>{t('app.agency')}</dt>
          <dd>{application.agency.name}</dd>
        </div>
        <div>
          <dt>{t('app.submittedAt')}</dt>
          <dd>{formatDateTime(application.submittedAt)}</dd>
        </div>
        <div>
          <dt>{t('app.service')}</dt>
          <dd>
            <a href={serviceHash(application.service.slug)}>
              {serviceName(application.service, lang)}
            </a>
          </dd>
        </div>
      </dl>

      {resubmitted && (
        <p className="notice notice-success" role="status">
          {t('app.resubmitted')}
        </p>
      )}

      {application.status === 'needs_correction' && form && (
        <Correction
          key={application.updatedAt}
          application={application}
          form={form}
          note={correctionNote ?? null}
          onDone={(next) => {
            setResubmitted(true);
            onChange(next);
          }}
        />
      )}

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('app.timeline')}</h2>
        <ol className="timeline">
          {application.timeline.map((entry, i) => (
            <li key={i} className={`timeline-item status-${entry.status}`}>
              <p className="timeline-head">
                <strong>{t(`status.${entry.status}`)}</strong>{' '}
                <span className="muted">{t(`app.by.${entry.by}`)}</span>
              </p>
              <p className="muted small">
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              </p>
              {entry.note && <p className="timeline-note">{entry.note}</p>}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="data-title">
        <h2 id="data-title">{t('app.data')}</h2>
        <DataList schema={form} data={application.data} prefilled={application.prefilledFields} />
      </section>
    </>
  );
}

/** The form again, filled with what was sent, for a correction the officer asked for. */
function Correction({
  application,
  form,
  note,
  onDone,
}: {
  application: Application;
  form: FormSchema;
  note: string | null;
  onDone: (application: Application) => void;
}) {
  const { t, lang } = useI18n();
  const [values, setValues] = useState<FormValues>(() => initialValues(form, application.data));
  const { errors, serverSide, other, summary, check, failed } = useSubmitFeedback(form);
  const [busy, setBusy] = useState(false);
  const errorList = useErrorList(form, errors, 'fix');

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!check(values)) return;
    setBusy(true);
    try {
      onDone(await resubmitApplication(application.reference, toData(form, values)));
    } catch (error) {
      setBusy(false);
      failed(error);
    }
  };

  return (
    <section className="correction" aria-labelledby="correction-title">
      <h2 id="correction-title">{t('app.correction')}</h2>
      <p>{t('app.correctionIntro')}</p>
      {note && <p className="notice">{t('app.correctionNote', { note })}</p>}
      <ErrorLang.Provider value={serverSide && lang !== 'en' ? 'en' : undefined}>
        <form className="form" noValidate onSubmit={(e) => void onSubmit(e)}>
          <div ref={summary} tabIndex={-1} className="summary-anchor">
            <ErrorSummary title={t('form.errors')} errors={errorList} />
            {other !== null && (
              <div className="alert alert-error" role="alert">
                <p>
                  <ErrorText error={other} />
                </p>
              </div>
            )}
          </div>
          <SchemaFields
            schema={form}
            values={values}
            onChange={setValues}
            errors={errors}
            idPrefix="fix"
          />
          <p className="actions">
            <button type="submit" className="button button-large" disabled={busy}>
              {t('app.resubmit')}
            </button>
          </p>
        </form>
      </ErrorLang.Provider>
    </section>
  );
}
