import { useEffect, useRef, useState, type FormEvent } from 'react';
import { confirmTotp, register, type Citizen, type Totp } from '../api';
import { useI18n } from '../i18n';
import { usePageTitle } from '../pageTitle';
import { loginHash } from '../router';
import { useSession } from '../session';
import {
  EMAIL_PATTERN,
  MIN_PASSWORD,
  NIK_PATTERN,
  continueAfterSignIn,
  detailsByField,
} from './authForm';
import { ErrorLang, ErrorSummary, TextField } from './Field';
import { ErrorAlert } from './Status';
import { TotpEnrol } from './TotpSteps';

type FieldName = 'nik' | 'name' | 'birthDate' | 'email' | 'password' | 'confirm';

const ORDER: FieldName[] = ['nik', 'name', 'birthDate', 'email', 'password', 'confirm'];

export function RegisterPage({ back }: { back: string | null }) {
  const { t } = useI18n();
  const { signedIn } = useSession();
  const [totp, setTotp] = useState<Totp | null>(null);
  usePageTitle(totp ? t('enrol.title') : t('register.title'));

  const done = (citizen: Citizen) => {
    signedIn(citizen);
    continueAfterSignIn(back);
  };

  return (
    <section className="page-narrow" aria-labelledby="register-title">
      <h1 id="register-title">{t('register.title')}</h1>
      {totp === null ? (
        <RegisterForm onRegistered={setTotp} back={back} />
      ) : (
        <TotpEnrol totp={totp} confirm={confirmTotp} onDone={done} />
      )}
    </section>
  );
}

function RegisterForm({
  onRegistered,
  back,
}: {
  onRegistered: (totp: Totp) => void;
  back: string | null;
}) {
  const { t, lang } = useI18n();
  const [values, setValues] = useState<Record<FieldName, string>>({
    nik: '',
    name: '',
    birthDate: '',
    email: '',
    password: '',
    confirm: '',
  });
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [serverSide, setServerSide] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (attempt > 0) summary.current?.focus();
  }, [attempt]);

  const set = (name: FieldName) => (value: string) =>
    setValues((current) => ({ ...current, [name]: value }));

  const labels: Record<FieldName, string> = {
    nik: t('auth.nik'),
    name: t('auth.name'),
    birthDate: t('auth.birthDate'),
    email: t('auth.email'),
    password: t('auth.password'),
    confirm: t('auth.passwordConfirm'),
  };

  const check = (): Partial<Record<FieldName, string>> => {
    const found: Partial<Record<FieldName, string>> = {};
    const required = t('form.error.required');
    if (!NIK_PATTERN.test(values.nik.trim()))
      found.nik = values.nik.trim() ? t('auth.error.nik') : required;
    if (!values.name.trim()) found.name = required;
    if (!values.birthDate) found.birthDate = required;
    if (!EMAIL_PATTERN.test(values.email.trim()))
      found.email = values.email.trim() ? t('form.error.email') : required;
    if (values.password.length < MIN_PASSWORD)
      found.password = values.password ? t('auth.error.password') : required;
    if (values.confirm !== values.password)
      found.confirm = values.confirm ? t('auth.error.confirm') : required;
    return found;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const found = check();
    setErrors(found);
    setServerSide(false);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      onRegistered(
        await register({
          nik: values.nik.trim(),
          name: values.name.trim(),
          birthDate: values.birthDate,
          email: values.email.trim(),
          password: values.password,
        }),
      );
    } catch (error) {
      setBusy(false);
      const byField = detailsByField(error);
      const known: Partial<Record<FieldName, string>> = {};
      for (const name of ORDER) if (byField[name]) known[name] = byField[name];
      setErrors(known);
      setServerSide(true);
      if (Object.keys(known).length === 0) setFailure(error);
      setAttempt((n) => n + 1);
    }
  };

  const list = ORDER.filter((name) => errors[name]).map((name) => ({
    id: `register-${name}`,
    label: labels[name],
    message: errors[name] ?? '',
  }));

  return (
    <ErrorLang.Provider value={serverSide && lang !== 'en' ? 'en' : undefined}>
      <p className="lead">{t('register.intro')}</p>
      <form className="form" noValidate onSubmit={(e) => void onSubmit(e)}>
        <div ref={summary} tabIndex={-1} className="summary-anchor">
          <ErrorSummary title={t('form.errors')} errors={list} />
          {failure !== null && <ErrorAlert error={failure} />}
        </div>
        <TextField
          id="register-nik"
          label={labels.nik}
          hint={t('auth.nikHint')}
          error={errors.nik}
          value={values.nik}
          onChange={set('nik')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={16}
          aria-required
        />
        <TextField
          id="register-name"
          label={labels.name}
          hint={t('auth.nameHint')}
          error={errors.name}
          value={values.name}
          onChange={set('name')}
          autoComplete="name"
          aria-required
        />
        <TextField
          id="register-birthDate"
          label={labels.birthDate}
          error={errors.birthDate}
          value={values.birthDate}
          onChange={set('birthDate')}
          type="date"
          autoComplete="bday"
          aria-required
        />
        <TextField
          id="register-email"
          label={labels.email}
          error={errors.email}
          value={values.email}
          onChange={set('email')}
          type="email"
          autoComplete="email"
          aria-required
        />
        <TextField
          id="register-password"
          label={labels.password}
          hint={t('auth.passwordHint')}
          error={errors.password}
          value={values.password}
          onChange={set('password')}
          type="password"
          autoComplete="new-password"
          aria-required
        />
        <TextField
          id="register-confirm"
          label={labels.confirm}
          error={errors.confirm}
          value={values.confirm}
          onChange={set('confirm')}
          type="password"
          autoComplete="new-password"
          aria-required
        />
        <p className="actions">
          <button type="submit" className="button button-large" disabled={busy}>
            {t('register.submit')}
          </button>
        </p>
      </form>
      <p>
        {t('register.haveAccount')} <a href={loginHash(back)}>{t('nav.login')}</a>
      </p>
    </ErrorLang.Provider>
  );
}
