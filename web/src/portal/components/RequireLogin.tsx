import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { loginHash, registerHash } from '../router';
import { useSession } from '../session';
import { ErrorAlert, Loading } from './Status';

/** Shows its children to a signed-in citizen; otherwise links to sign in and come back. */
export function RequireLogin({ hash, children }: { hash: string; children: ReactNode }) {
  const { t } = useI18n();
  const { citizen, checkError, recheck } = useSession();
  if (citizen === undefined) return <Loading />;
  // Offline or the server unreachable: say so rather than ask to sign in.
  if (citizen === null && checkError !== null)
    return <ErrorAlert error={checkError} onRetry={recheck} />;
  if (citizen === null)
    return (
      <section className="notice-panel" aria-labelledby="login-required">
        <h1 id="login-required">{t('login.title')}</h1>
        <p>{t('auth.required')}</p>
        <p className="actions">
          <a className="button" href={loginHash(hash)}>
            {t('nav.login')}
          </a>
          <a className="button button-secondary" href={registerHash(hash)}>
            {t('nav.register')}
          </a>
        </p>
      </section>
    );
  return <>{children}</>;
}
