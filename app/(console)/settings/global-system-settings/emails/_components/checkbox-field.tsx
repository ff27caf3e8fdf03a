import { FieldFrame } from '@/components/ui/field-frame';

/** A labelled checkbox (controlled), its hint and error announced with it. */
export function CheckboxField({
  label,
  name,
  checked,
  onChange,
  hint,
  error,
}: {
  label: string;
  name: string;
  checked: boolean;
  onChange(checked: boolean): void;
  hint?: React.ReactNode;
  error?: string;
}) {
  return (
    <FieldFrame label={label} hint={hint} error={error} inline>
      {(control) => (
        <input
          {...control}
          type="checkbox"
          name={name}
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          className="h-4 w-4 rounded border-slate-300"
        />
      )}
    </FieldFrame>
  );
}
