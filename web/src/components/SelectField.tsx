/** A labelled <select> in a form's field box; the first option, value '', says "all" or "choose". */
export function SelectField({
  id,
  label,
  value,
  onChange,
  empty,
  options,
  required = false,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  empty: string;
  options: readonly { value: string | number; label: string }[];
  required?: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} required={required} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{empty}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
