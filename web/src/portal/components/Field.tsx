import { createContext, useContext } from 'react';
import type { InputHTMLAttributes, ReactNode, Ref } from 'react';

/**
 * The language of the field errors below it when it differs from the page's: the server's
 * validation messages are English, so a form showing them in the Indonesian page says so.
 */
export const ErrorLang = createContext<string | undefined>(undefined);

/** The ids a field's input is described by: its hint and its error, when shown. */
export function describedBy(id: string, hint: boolean, error: boolean): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** A field's error message, linked from its input by aria-describedby. */
export function FieldError({
  id,
  message,
  announce = false,
}: {
  id: string;
  message: string | undefined;
  /** Announce it as it appears (for forms without an error summary). */
  announce?: boolean;
}) {
  const lang = useContext(ErrorLang);
  if (!message) return null;
  return (
    <p className="field-error" id={`${id}-error`} role={announce ? 'alert' : undefined} lang={lang}>
      {message}
    </p>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value'>;

/** A labelled text input with an optional hint and error. */
export function TextField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  badge,
  announce = false,
  ...input
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  badge?: ReactNode;
  announce?: boolean;
} & InputProps) {
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {badge}
      </label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={id} message={error} announce={announce} />
      <input
        id={id}
        type="text"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}
        {...input}
      />
    </div>
  );
}

/** The list of a form's errors, announced, each linking to its field. */
export function ErrorSummary({
  title,
  errors,
  summaryRef,
}: {
  title: string;
  errors: readonly { id: string; label: string; message: string }[];
  summaryRef?: Ref<HTMLDivElement>;
}) {
  const lang = useContext(ErrorLang);
  if (errors.length === 0) return null;
  return (
    <div className="alert alert-error" role="alert" tabIndex={-1} ref={summaryRef}>
      <p className="alert-title">{title}</p>
      <ul>
        {errors.map((e) => (
          <li key={e.id}>
            <a
              href={`#${e.id}`}
              onClick={(event) => {
                // A plain fragment link would replace the route in the hash.
                event.preventDefault();
                document.getElementById(e.id)?.focus();
              }}
            >
              {e.label}: <span lang={lang}>{e.message}</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
