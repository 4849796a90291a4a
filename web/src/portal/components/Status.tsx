import { describeError } from '../errors';
import { useI18n } from '../i18n';

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="status" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('status.loading')}
    </p>
  );
}

/** A failure, announced; the server's English message is marked as English for screen readers. */
export function ErrorText({ error }: { error: unknown }) {
  const { t, lang } = useI18n();
  const { lead, message, english, retry } = describeError(t, error);
  return (
    <>
      {lead && <>{lead} </>}
      <span lang={english && lang !== 'en' ? 'en' : undefined}>{message}</span>
      {retry && <> {retry}</>}
    </>
  );
}

export function ErrorAlert({
  error,
  onRetry,
  id,
}: {
  error: unknown;
  onRetry?: () => void;
  id?: string;
}) {
  const { t } = useI18n();
  return (
    <div className="alert alert-error" role="alert" id={id}>
      <p>
        <ErrorText error={error} />
      </p>
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('error.retry')}
        </button>
      )}
    </div>
  );
}
