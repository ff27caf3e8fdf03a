import { controlBorder, FieldFrame } from './field-frame';

export interface TextFieldProps extends Omit<React.InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  name: string;
  error?: string;
  hint?: React.ReactNode;
}

/** A labelled input whose error is announced with it. */
export function TextField({ label, name, error, hint, className, ...input }: TextFieldProps) {
  return (
    <FieldFrame label={label} error={error} hint={hint} className={className}>
      {(control) => (
        <input
          {...control}
          name={name}
          className={`mt-1 block w-full rounded-md border px-3 py-2 text-sm shadow-sm ${controlBorder(error)}`}
          {...input}
        />
      )}
    </FieldFrame>
  );
}
