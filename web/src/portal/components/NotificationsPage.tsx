import { useState } from 'react';
import { getNotifications, markNotificationsRead, type Notifications } from '../api';
import { errorMessage } from '../errors';
import { useI18n } from '../i18n';
import { usePageTitle } from '../pageTitle';
import { applicationHash } from '../router';
import { useSession } from '../session';
import { useLoad } from '../../shared/useLoad';
import { ErrorAlert, Loading } from './Status';

export function NotificationsPage() {
  const { t, lang, formatDateTime } = useI18n();
  const { setUnread } = useSession();
  usePageTitle(t('notif.title'));
  const { state, reload, set } = useLoad('notifications', async (signal) => {
    const body = await getNotifications(signal);
    setUnread(body.unread);
    return body;
  });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const markRead = async (current: Notifications, ids: number[]) => {
    setBusy(true);
    setFailure(null);
    try {
      await markNotificationsRead(ids);
      const items = current.items.map((n) => (ids.includes(n.id) ? { ...n, read: true } : n));
      const unread = items.filter((n) => !n.read).length;
      set({ items, unread });
      setUnread(unread);
    } catch (error) {
      setFailure(errorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="notif-title">
      <h1 id="notif-title">{t('notif.title')}</h1>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorAlert error={state.error} onRetry={reload} />}
      {failure && (
        <p className="alert alert-error" role="alert">
          {failure}
        </p>
      )}
      {state.status === 'ready' && state.data.items.length === 0 && (
        <p className="empty">{t('notif.none')}</p>
      )}
      {state.status === 'ready' && state.data.items.length > 0 && (
        <>
          <div className="results-status">
            <p role="status">{t('notif.count', { n: state.data.unread })}</p>
            {state.data.unread > 0 && (
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={busy}
                onClick={() =>
                  void markRead(
                    state.data,
                    state.data.items.filter((n) => !n.read).map((n) => n.id),
                  )
                }
              >
                {t('notif.markAll')}
              </button>
            )}
          </div>
          <ul className="card-list">
            {state.data.items.map((n) => {
              const message = lang === 'en' && n.messageEn ? n.messageEn : n.message;
              return (
                <li key={n.id} className={n.read ? 'notification' : 'notification unread'}>
                  {!n.read && <span className="badge">{t('notif.unread')}</span>}
                  <p className="notification-message">{message}</p>
                  <p className="muted small">
                    <time dateTime={n.at}>{formatDateTime(n.at)}</time>
                  </p>
                  <p className="actions">
                    {n.reference && (
                      <a href={applicationHash(n.reference)}>
                        {t('notif.open', { reference: n.reference })}
                      </a>
                    )}
                    {!n.read && (
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        disabled={busy}
                        aria-describedby={`notif-${n.id}`}
                        onClick={() => void markRead(state.data, [n.id])}
                      >
                        {t('notif.markRead')}
                      </button>
                    )}
                  </p>
                  <span hidden id={`notif-${n.id}`}>
                    {message}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
