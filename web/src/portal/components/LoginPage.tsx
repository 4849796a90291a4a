import { useState, type FormEvent } from 'react';
import { confirmTotp, login, loginTotp, type Citizen, type LoginResult } from '../api';
import { useI18n } from '../i18n';
import { usePageTitle } from '../pageTitle';
import { FORGOT_HASH, HOME_HASH, registerHash } from '../router';
import { useSession } from '../session';
import { NIK_PATTERN, continueAfterSignIn } from './authForm';
import { TextField } from './Field';
import { ErrorAlert } from './Status';
import { PasskeyLogin } from './PasskeyLogin';
import { TotpEnrol, TotpLogin } from './TotpSteps';

export function LoginPage({ back }: { back: string | null }) {
  const { t } = useI18n();
  const { citizen, signedIn } = useSession();
  const [stage, setStage] = useState<LoginResult | null>(null);
  usePageTitle(t('login.title'));

  const done = (next: Citizen) => {
    signedIn(next);
    continueAfterSignIn(back);
  };

  if (citizen && stage === null)
    return (
      <section className="page-narrow" aria-labelledby="login-title">
        <h1 id="login-title">{t('login.title')}</h1>
        <p className="notice">{t('login.signedIn', { name: citizen.name })}</p>
        <p>
          <a href={back ?? HOME_HASH}>{t('service.back')}</a>
        </p>
      </section>
    );

  return (
    <section className="page-narrow" aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      {stage === null && <PasswordStep onStage={setStage} back={back} />}
      {stage?.stage === 'totp' && <TotpLogin submit={loginTotp} onDone={done} />}
      {stage?.stage === 'totp' && stage.passkey === true && <PasskeyLogin onDone={done} />}
      {stage?.stage === 'enrol' && (
        <TotpEnrol totp={stage.totp} confirm={confirmTotp} onDone={done} />
      )}
      {stage !== null && (
        <p>
          <button type="button" className="button-link" onClick={() => setStage(null)}>
            {t('login.restart')}
          </button>
        </p>
      )}
    </section>
  );
}

function PasswordStep({
  onStage,
  back,
}: {
  onStage: (stage: LoginResult) => void;
  back: string | null;
}) {
  const { t } = useI18n();
  const [nik, setNik] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ nik?: string; password?: string }>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const found: { nik?: string; password?: string } = {};
    if (!NIK_PATTERN.test(nik.trim()))
      found.nik = nik.trim() ? t('auth.error.nik') : t('form.error.required');
    if (!password) found.password = t('form.error.required');
    setErrors(found);
    if (found.nik || found.password) {
      document.getElementById(found.nik ? 'login-nik' : 'login-password')?.focus();
      return;
    }
    setBusy(true);
    try {
      onStage(await login(nik.trim(), password));
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };

  return (
    <>
      <p className="lead">{t('login.intro')}</p>
      <form className="form" noValidate onSubmit={(e) => void onSubmit(e)}>
        {failure !== null && <ErrorAlert error={failure} />}
        <TextField
          id="login-nik"
          label={t('auth.nik')}
          error={errors.nik}
          value={nik}
          onChange={setNik}
          inputMode="numeric"
          autoComplete="username"
          maxLength={16}
          aria-required
          announce
        />
        <TextField
          id="login-password"
          label={t('auth.password')}
          error={errors.password}
          value={password}
          onChange={setPassword}
          type="password"
          autoComplete="current-password"
          aria-required
          announce
        />
        <p className="actions">
          <button type="submit" className="button button-large" disabled={busy}>
            {t('login.submit')}
          </button>
        </p>
      </form>
      <p>
        <a href={FORGOT_HASH}>{t('login.forgot')}</a>
      </p>
      <p>
        {t('login.noAccount')} <a href={registerHash(back)}>{t('nav.register')}</a>
      </p>
    </>
  );
}
