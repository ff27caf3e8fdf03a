import { useId } from 'react';

export interface SelectOption {
  value: string;
  label: string;
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
export function SelectField({ label, name, options, placeholder, error, hint, addon, className, ...select }: SelectFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="mt-1 flex gap-2">
        <select
          id={id}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
          className={`block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm ${
            error ? 'border-red-500 focus:border-red-600' : 'border-slate-300 focus:border-brand-600'
          }`}
          {...select}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        {addon}
      </div>
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="mt-1 text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
