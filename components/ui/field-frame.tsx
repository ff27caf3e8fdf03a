import { useId } from 'react';

export interface FieldControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

export interface FieldFrameProps {
  label: string;
  error?: string;
  hint?: React.ReactNode;
  className?: string;
  /** Checkbox layout: the control first, its label beside it. */
  inline?: boolean;
  /** Renders the control with the ids that tie it to its label, hint and error. */
  children: (control: FieldControlProps) => React.ReactNode;
}

/**
 * What every form field shares: a visible label tied to its control, a hint, and an error announced with it, so
 * tests and screen readers find each field by its label.
 */
export function FieldFrame({ label, error, hint, className, inline = false, children }: FieldFrameProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const control = children({
    id,
    ...(error ? { 'aria-invalid': true as const } : {}),
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
  });
  const labelElement = (
    <label htmlFor={id} className={`${inline ? '' : 'block '}text-sm font-medium text-slate-800`}>
      {label}
    </label>
  );
  return (
    <div className={className}>
      {inline ? (
        <div className="flex items-center gap-2">
          {control}
          {labelElement}
        </div>
      ) : (
        <>
          {labelElement}
          {control}
        </>
      )}
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

export function controlBorder(error: string | undefined): string {
  return error ? 'border-red-500 focus:border-red-600' : 'border-slate-300 focus:border-brand-600';
}
