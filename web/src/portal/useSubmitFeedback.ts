import { useEffect, useRef, useState } from 'react';
import { ApiError, type FormSchema } from './api';
import { useI18n } from './i18n';
import { serverErrors, validate, type FormErrors, type FormValues } from './schemaForm';

/**
 * What a form shows about a submission that did not go through: field errors (the browser's own
 * check, or the server's details mapped to fields), anything else above the form, and focus on the
 * summary after each failed attempt. Used by the application form and its correction.
 */
export function useSubmitFeedback(form: FormSchema) {
  const { t } = useI18n();
  const [errors, setErrors] = useState<FormErrors>({});
  // Whether the errors shown are the server's (English) messages.
  const [serverSide, setServerSide] = useState(false);
  const [other, setOther] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // After a failed attempt, take the reader to the summary of what to fix.
    if (attempt > 0) summary.current?.focus();
  }, [attempt]);

  /** Checks the values in the browser; false, with the errors shown, when they need fixing. */
  const check = (values: FormValues): boolean => {
    setOther(null);
    const found = validate(form, values, t);
    setErrors(found);
    setServerSide(false);
    if (Object.keys(found).length === 0) return true;
    setAttempt((n) => n + 1);
    return false;
  };

  /** Shows why the server refused: at the fields it named, and above the form for the rest. */
  const failed = (error: unknown): void => {
    if (error instanceof ApiError && error.details.length > 0) {
      const mapped = serverErrors(form, error.details);
      setErrors(mapped.errors);
      setServerSide(true);
      if (mapped.other.length > 0 || Object.keys(mapped.errors).length === 0) setOther(error);
    } else {
      setOther(error);
    }
    setAttempt((n) => n + 1);
  };

  return { errors, serverSide, other, summary, check, failed };
}
