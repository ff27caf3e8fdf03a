import { controlBorder, FieldFrame } from './field-frame';

export interface SelectOption {
  value: string;
  label: string;
  /** Shown but not choosable (its label says why). */
  disabled?: boolean;
}

export interface SelectFieldProps extends Omit<React.SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: string;
  name: string;
  options: readonly SelectOption[];
  /** A first, empty choice ("Choose a tenant"), for selects that start unset. */
  placeholder?: string;
  error?: string;
  hint?: React.ReactNode;
  /** Rendered beside the select (e.g. a "New tenant" button), inside the same field. */
  addon?: React.ReactNode;
}

/** A labelled select whose error is announced with it, like TextField. */
export function SelectField({
  label,
  name,
  options,
  placeholder,
  error,
  hint,
  addon,
  className,
  ...select
}: SelectFieldProps) {
  return (
    <FieldFrame label={label} error={error} hint={hint} className={className}>
      {(control) => (
        <div className="mt-1 flex gap-2">
          <select
            {...control}
            name={name}
            className={`block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm ${controlBorder(error)}`}
            {...select}
          >
            {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
            {options.map((option) => (
              <option key={option.value} value={option.value} disabled={option.disabled}>
                {option.label}
              </option>
            ))}
          </select>
          {addon}
        </div>
      )}
    </FieldFrame>
  );
}
