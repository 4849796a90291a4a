import { useEffect, useState, type FormEvent } from 'react';
import { confirmPasswordReset, requestPasswordReset, ApiError, NETWORK_ERROR } from '../api';
import { useI18n } from '../i18n';
import { usePageTitle } from '../pageTitle';
import { FORGOT_HASH, loginHash, navigate } from '../router';
import { MIN_PASSWORD, NIK_PATTERN } from './authForm';
import { TextField } from './Field';
import { ErrorAlert } from './Status';

export function ForgotPasswordPage() {
  const { t } = useI18n();
  usePageTitle(t('forgot.title'));
  const [nik, setNik] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (!NIK_PATTERN.test(nik.trim())) {
      setError(nik.trim() ? t('auth.error.nik') : t('form.error.required'));
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      await requestPasswordReset(nik.trim());
      setSent(true);
    } catch (caught) {
      // Whatever the server says, the answer is the same: registered or not is never told.
      // Only a failure to reach the server at all is worth telling apart.
      if (caught instanceof ApiError && caught.code === NETWORK_ERROR) setFailure(caught);
      else setSent(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="page-narrow" aria-labelledby="forgot-title">
      <h1 id="forgot-title">{t('forgot.title')}</h1>
      {sent ? (
        <p className="notice" role="status">
          {t('forgot.sent')}
        </p>
      ) : (
        <>
          <p className="lead">{t('forgot.intro')}</p>
          <form className="form" noValidate onSubmit={(e) => void onSubmit(e)}>
            {failure !== null && <ErrorAlert error={failure} />}
            <TextField
              id="forgot-nik"
              label={t('auth.nik')}
              hint={t('auth.nikHint')}
              error={error}
              value={nik}
              onChange={setNik}
              inputMode="numeric"
              autoComplete="username"
              maxLength={16}
              aria-required
              announce
            />
            <p className="actions">
              <button type="submit" className="button" disabled={busy}>
                {t('forgot.submit')}
              </button>
            </p>
          </form>
        </>
      )}
      <p>
        <a href={loginHash()}>{t('forgot.back')}</a>
      </p>
    </section>
  );
}

export function ResetPasswordPage({ token: fromRoute }: { token: string | null }) {
  const { t } = useI18n();
  usePageTitle(t('reset.title'));
  // The token leaves the address bar (and the history) as soon as it is read.
  const [token] = useState(fromRoute);
  useEffect(() => {
    if (fromRoute !== null) navigate('#/atur-ulang-sandi', { replace: true });
  }, [fromRoute]);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ password?: string; confirm?: string }>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  if (!token)
    return (
      <section className="page-narrow" aria-labelledby="reset-title">
        <h1 id="reset-title">{t('reset.title')}</h1>
        <p className="alert alert-error">{t('reset.noToken')}</p>
        <p>
          <a href={FORGOT_HASH}>{t('reset.requestNew')}</a>
        </p>
      </section>
    );

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const found: { password?: string; confirm?: string } = {};
    if (password.length < MIN_PASSWORD)
      found.password = password ? t('auth.error.password') : t('form.error.required');
    if (confirm !== password)
      found.confirm = confirm ? t('auth.error.confirm') : t('form.error.required');
    setErrors(found);
    if (found.password || found.confirm) {
      document.getElementById(found.password ? 'reset-password' : 'reset-confirm')?.focus();
      return;
    }
    setBusy(true);
    try {
      await confirmPasswordReset(token, password);
      setDone(true);
    } catch (caught) {
      setFailure(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="page-narrow" aria-labelledby="reset-title">
      <h1 id="reset-title">{t('reset.title')}</h1>
      {done ? (
        <>
          <p className="notice" role="status">
            {t('reset.done')}
          </p>
          <p>
            <a className="button" href={loginHash()}>
              {t('reset.login')}
            </a>
          </p>
        </>
      ) : (
        <>
          <p className="lead">{t('reset.intro')}</p>
          <form className="form" noValidate onSubmit={(e) => void onSubmit(e)}>
            {failure !== null && <ErrorAlert error={failure} />}
            {failure instanceof ApiError && failure.code === 'RESET_TOKEN_INVALID' && (
              <p>
                <a href={FORGOT_HASH}>{t('reset.requestNew')}</a>
              </p>
            )}
            <TextField
              id="reset-password"
              label={t('auth.newPassword')}
              hint={t('auth.passwordHint')}
              error={errors.password}
              value={password}
              onChange={setPassword}
              type="password"
              autoComplete="new-password"
              aria-required
              announce
            />
            <TextField
              id="reset-confirm"
              label={t('auth.passwordConfirm')}
              error={errors.confirm}
              value={confirm}
              onChange={setConfirm}
              type="password"
              autoComplete="new-password"
              aria-required
              announce
            />
            <p className="actions">
              <button type="submit" className="button" disabled={busy}>
                {t('reset.submit')}
              </button>
            </p>
          </form>
        </>
      )}
    </section>
  );
}
