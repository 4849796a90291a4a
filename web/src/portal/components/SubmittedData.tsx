import type { FormProperty } from '../api';
import { useI18n } from '../i18n';
import { enumOptions, fieldsOf, labelOf, scalarText } from '../schemaForm';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function Value({ prop, value }: { prop: FormProperty | undefined; value: unknown }) {
  const { t, lang, formatDate } = useI18n();
  if (value === null || value === undefined || value === '') return <>—</>;
  if (typeof value === 'boolean') return <>{value ? t('form.yes') : t('form.no')}</>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <>—</>;
    return (
      <ol className="data-items">
        {(value as unknown[]).map((item, i) => (
          <li key={i}>
            {isRecord(item) ? (
              <DataList schema={prop?.items} data={item} prefilled={[]} compact />
            ) : (
              <Value prop={prop?.items} value={item} />
            )}
          </li>
        ))}
      </ol>
    );
  }
  if (isRecord(value)) return <DataList schema={prop} data={value} prefilled={[]} compact />;
  if (prop?.enum) {
    const option = enumOptions(prop, lang).find((o) => o.value === scalarText(value));
    if (option) return <>{option.label}</>;
  }
  if (prop?.format === 'date' && typeof value === 'string') return <>{formatDate(value)}</>;
  return <>{scalarText(value)}</>;
}

/** Submitted data as a description list, labelled from the form's schema where it is known. */
export function DataList({
  schema,
  data,
  prefilled,
  compact = false,
}: {
  schema: FormProperty | undefined;
  data: Record<string, unknown>;
  prefilled: readonly string[];
  compact?: boolean;
}) {
  const { t, lang } = useI18n();
  const known = fieldsOf(schema);
  const names = [
    ...known.map(([name]) => name).filter((name) => name in data),
    ...Object.keys(data).filter((name) => !known.some(([k]) => k === name)),
  ];
  const props = new Map(known);
  return (
    <dl className={compact ? 'data-list data-list-compact' : 'data-list'}>
      {names.map((name) => (
        <div key={name}>
          <dt>
            {labelOf(props.get(name), name, lang)}
            {prefilled.includes(name) && (
              <span className="badge badge-prefill">{t('form.fromDukcapil')}</span>
            )}
          </dt>
          <dd>
            <Value prop={props.get(name)} value={data[name]} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
