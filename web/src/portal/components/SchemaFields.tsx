import type { FormProperty, FormSchema } from '../api';
import { useI18n } from '../i18n';
import {
  enumOptions,
  fieldsOf,
  inputId,
  isItemGroup,
  isRequired,
  labelOf,
  type FieldValue,
  type FormErrors,
  type FormValues,
  type Item,
} from '../schemaForm';
import { FieldError } from './Field';

interface FieldsProps {
  schema: FormSchema;
  values: FormValues;
  onChange: (values: FormValues) => void;
  errors: FormErrors;
  /** Fields whose value came from the population register, with that value. */
  prefilled?: Readonly<Record<string, FieldValue>>;
  /** Makes the inputs' ids unique on the page. */
  idPrefix: string;
}

/** The labels of a form's errors, for the error summary, in the form's order. */
export function useErrorList(
  schema: FormSchema,
  errors: FormErrors,
  idPrefix: string,
): { id: string; label: string; message: string }[] {
  const { t, lang } = useI18n();
  const list: { id: string; label: string; message: string }[] = [];
  for (const [name, prop] of fieldsOf(schema)) {
    const label = labelOf(prop, name, lang);
    const own = errors[name];
    if (own) list.push({ id: inputId(idPrefix, name), label, message: own });
    for (const [path, message] of Object.entries(errors)) {
      const match = /^([^/]+)\/(\d+)\/([^/]+)$/.exec(path);
      if (!match || match[1] !== name) continue;
      const sub = match[3] ?? '';
      const itemLabel = t('form.item', {
        label: labelOf(prop.items, name, lang),
        n: Number(match[2]) + 1,
      });
      list.push({
        id: inputId(idPrefix, path),
        label: `${itemLabel}, ${labelOf(prop.items?.properties?.[sub], sub, lang)}`,
        message,
      });
    }
  }
  return list;
}

function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The inputs of an application form, built from its JSON Schema. */
export function SchemaFields({
  schema,
  values,
  onChange,
  errors,
  prefilled = {},
  idPrefix,
}: FieldsProps) {
  return (
    <>
      {fieldsOf(schema).map(([name, prop]) => {
        const set = (value: FieldValue) => onChange({ ...values, [name]: value });
        const fromRegister = name in prefilled && sameValue(prefilled[name], values[name]);
        if (isItemGroup(prop))
          return (
            <ItemGroup
              key={name}
              name={name}
              prop={prop}
              required={isRequired(schema, name)}
              items={Array.isArray(values[name]) ? values[name] : []}
              onChange={set}
              errors={errors}
              idPrefix={idPrefix}
            />
          );
        return (
          <Field
            key={name}
            id={inputId(idPrefix, name)}
            name={name}
            prop={prop}
            required={isRequired(schema, name)}
            value={values[name]}
            onChange={set}
            error={errors[name]}
            prefilled={fromRegister}
          />
        );
      })}
    </>
  );
}

function Field({
  id,
  name,
  prop,
  required,
  value,
  onChange,
  error,
  prefilled = false,
}: {
  id: string;
  name: string;
  prop: FormProperty;
  required: boolean;
  value: FieldValue | undefined;
  onChange: (value: FieldValue) => void;
  error: string | undefined;
  prefilled?: boolean;
}) {
  const { t, lang } = useI18n();
  const label = labelOf(prop, name, lang);
  const hint = prop.description;
  const described =
    [hint ? `${id}-hint` : '', prefilled ? `${id}-prefilled` : '', error ? `${id}-error` : '']
      .filter(Boolean)
      .join(' ') || undefined;
  const badge = prefilled && (
    <span className="badge badge-prefill" id={`${id}-prefilled`}>
      {t('form.fromDukcapil')}
    </span>
  );

  if (prop.type === 'boolean')
    return (
      <div className={error ? 'field field-check field-invalid' : 'field field-check'}>
        <FieldError id={id} message={error} />
        <div className="check">
          <input
            id={id}
            type="checkbox"
            checked={value === true}
            aria-invalid={error ? true : undefined}
            aria-describedby={described}
            onChange={(e) => onChange(e.target.checked)}
          />
          <label htmlFor={id}>{label}</label>
          {badge}
        </div>
        {hint && (
          <p className="hint" id={`${id}-hint`}>
            {hint}
          </p>
        )}
      </div>
    );

  const text = typeof value === 'string' ? value : '';
  const common = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described,
    'aria-required': required ? true : undefined,
  } as const;
  let input;
  if (prop.enum) {
    input = (
      <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('form.choose')}</option>
        {enumOptions(prop, lang).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else if (prop['x-widget'] === 'textarea' || prop.type === 'array') {
    input = (
      <textarea
        {...common}
        rows={4}
        value={text}
        maxLength={prop.maxLength}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  } else {
    const numeric = prop.type === 'integer' || prop.type === 'number';
    input = (
      <input
        {...common}
        type={prop.format === 'date' ? 'date' : prop.format === 'email' ? 'email' : 'text'}
        inputMode={numeric ? (prop.type === 'integer' ? 'numeric' : 'decimal') : undefined}
        autoComplete={prop.format === 'email' ? 'email' : undefined}
        value={text}
        maxLength={prop.maxLength}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <div className="label-row">
        <label htmlFor={id}>
          {label}
          {!required && <span className="optional"> {t('form.optional')}</span>}
        </label>
        {badge}
      </div>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={id} message={error} />
      {input}
    </div>
  );
}

/** An array of objects (e.g. family members) as a small repeatable group. */
function ItemGroup({
  name,
  prop,
  required,
  items,
  onChange,
  errors,
  idPrefix,
}: {
  name: string;
  prop: FormProperty;
  required: boolean;
  items: Item[];
  onChange: (items: Item[]) => void;
  errors: FormErrors;
  idPrefix: string;
}) {
  const { t, lang } = useI18n();
  const label = labelOf(prop, name, lang);
  const itemLabel = labelOf(prop.items, name, lang);
  const id = inputId(idPrefix, name);
  const error = errors[name];
  const canAdd = prop.maxItems === undefined || items.length < prop.maxItems;

  const add = () => {
    onChange([...items, {}]);
    // Focus the new item's first input once it is drawn.
    const first = fieldsOf(prop.items)[0]?.[0];
    if (first !== undefined)
      window.setTimeout(
        () =>
          document.getElementById(inputId(idPrefix, `${name}/${items.length}/${first}`))?.focus(),
        0,
      );
  };
  const remove = (index: number) => {
    onChange(items.filter((_, i) => i !== index));
    window.setTimeout(() => document.getElementById(`${id}-add`)?.focus(), 0);
  };

  return (
    <fieldset
      className={error ? 'group field-invalid' : 'group'}
      id={id}
      tabIndex={-1}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>
        {label}
        {!required && <span className="optional"> {t('form.optional')}</span>}
      </legend>
      {prop.description && <p className="hint">{prop.description}</p>}
      <FieldError id={id} message={error} />
      {items.length === 0 && <p className="muted">{t('form.noItems')}</p>}
      {items.map((item, index) => {
        const title = t('form.item', { label: itemLabel, n: index + 1 });
        return (
          <fieldset className="group-item" key={index}>
            <legend>{title}</legend>
            {fieldsOf(prop.items).map(([sub, subProp]) => {
              const path = `${name}/${index}/${sub}`;
              return (
                <Field
                  key={sub}
                  id={inputId(idPrefix, path)}
                  name={sub}
                  prop={subProp}
                  required={isRequired(prop.items, sub)}
                  value={item[sub] ?? ''}
                  onChange={(value) =>
                    onChange(
                      items.map((it, i) =>
                        i === index ? { ...it, [sub]: typeof value === 'string' ? value : '' } : it,
                      ),
                    )
                  }
                  error={errors[path]}
                />
              );
            })}
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => remove(index)}
            >
              {t('form.remove', { label: itemLabel, n: index + 1 })}
            </button>
          </fieldset>
        );
      })}
      {canAdd && (
        <button type="button" className="button button-secondary" id={`${id}-add`} onClick={add}>
          {t('form.add', { label: itemLabel })}
        </button>
      )}
    </fieldset>
  );
}
