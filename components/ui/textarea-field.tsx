import { controlBorder, FieldFrame } from './field-frame';

export interface TextareaFieldProps extends Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  label: string;
  name: string;
  error?: string;
  hint?: React.ReactNode;
}

/** A labelled multi-line input whose error is announced with it, like TextField. */
export function TextareaField({ label, name, error, hint, className, ...textarea }: TextareaFieldProps) {
  return (
    <FieldFrame label={label} error={error} hint={hint} className={className}>
      {(control) => (
        <textarea
          {...control}
          name={name}
          className={`mt-1 block w-full rounded-md border px-3 py-2 font-mono text-sm shadow-sm ${controlBorder(error)}`}
          {...textarea}
        />
      )}
    </FieldFrame>
  );
}
