import { useState } from 'react';
import { getDataAccess, type DataAccess } from '../api';
import { useI18n } from '../i18n';
import { verifyInclusion, type ProofOutcome } from '../merkle';
import { usePageTitle } from '../pageTitle';
import { useLoad } from '../../shared/useLoad';
import { ErrorAlert, Loading } from './Status';

/** Downloads text as a file made in the browser (no second request). */
function saveFile(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function DataAccessPage() {
  const { t } = useI18n();
  usePageTitle(t('access.title'));
  const { state, reload } = useLoad('data-access', (signal) => getDataAccess(signal));
  return (
    <section aria-labelledby="access-title">
      <h1 id="access-title">{t('access.title')}</h1>
      <p className="lead">{t('access.intro')}</p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorAlert error={state.error} onRetry={reload} />}
      {state.status === 'ready' && state.data.length === 0 && (
        <p className="empty">{t('access.none')}</p>
      )}
      {state.status === 'ready' && state.data.length > 0 && (
        <>
          <h2 className="visually-hidden">{t('access.list')}</h2>
          <ul className="card-list">
            {state.data.map((item) => (
              <li key={item.requestId}>
                <AccessCard item={item} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

type Check =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'done'; outcome: ProofOutcome }
  | { state: 'unsupported' };

function AccessCard({ item }: { item: DataAccess }) {
  const { t, formatDateTime } = useI18n();
  const [check, setCheck] = useState<Check>({ state: 'idle' });
  const when = formatDateTime(item.at);
  const ok = item.status >= 200 && item.status < 400;
  const id = `access-${item.requestId.replace(/[^A-Za-z0-9_-]/g, '-')}`;

  const verify = async () => {
    if (typeof crypto === 'undefined' || !crypto.subtle) {
      setCheck({ state: 'unsupported' });
      return;
    }
    setCheck({ state: 'checking' });
    try {
      setCheck({ state: 'done', outcome: await verifyInclusion(item.proof) });
    } catch {
      setCheck({ state: 'done', outcome: 'mismatch' });
    }
  };

  const download = () =>
    saveFile(
      `padu-bukti-${item.requestId}.json`,
      `${JSON.stringify(
        {
          requestId: item.requestId,
          at: item.at,
          consumer: item.consumer,
          provider: item.provider,
          purpose: item.purpose,
          status: item.status,
          proof: item.proof,
        },
        null,
        2,
      )}\n`,
    );

  return (
    <article className="access-card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        <time dateTime={item.at}>{when}</time>
      </h3>
      <dl className="data-list">
        <div>
          <dt>{t('access.consumer')}</dt>
          <dd>
            {item.consumer.agencyName}
            <span className="sub">{item.consumer.system}</span>
          </dd>
        </div>
        <div>
          <dt>{t('access.provider')}</dt>
          <dd>
            {item.provider.agencyName}
            <span className="sub">
              {item.provider.system} · {item.provider.service}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('access.purpose')}</dt>
          <dd>{item.purpose ?? <span className="muted">{t('access.purposeNone')}</span>}</dd>
        </div>
        <div>
          <dt>{t('access.status')}</dt>
          <dd>
            <span className={ok ? 'status-badge status-completed' : 'status-badge status-rejected'}>
              {ok
                ? t('access.ok', { status: item.status })
                : t('access.failed', { status: item.status })}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('access.requestId')}</dt>
          <dd className="code break">{item.requestId}</dd>
        </div>
      </dl>
      <div className="proof">
        <h4>{t('access.proof')}</h4>
        <p className="actions">
          <button
            type="button"
            className="button button-small"
            aria-describedby={`${id}-title`}
            disabled={check.state === 'checking'}
            onClick={() => void verify()}
          >
            {t('access.verify')}
          </button>
          <button
            type="button"
            className="button button-secondary button-small"
            aria-describedby={`${id}-title`}
            onClick={download}
          >
            {t('access.download')}
          </button>
        </p>
        <div role="status" className="proof-result">
          {check.state === 'checking' && t('access.verifying')}
          {check.state === 'unsupported' && t('access.unsupported')}
          {check.state === 'done' &&
            (check.outcome === 'verified' ? (
              <p className="proof-ok">
                <strong>{t('access.verified')}</strong>{' '}
                {t('access.verifiedDetail', {
                  index: item.proof.leafIndex + 1,
                  size: item.proof.treeSize,
                })}
              </p>
            ) : (
              <p className="proof-bad">
                <strong>{t('access.mismatch')}</strong> {t('access.mismatchDetail')}
              </p>
            ))}
        </div>
        <details>
          <summary>{t('access.checkpoint')}</summary>
          <pre className="checkpoint">{item.proof.checkpoint}</pre>
        </details>
      </div>
    </article>
  );
}
