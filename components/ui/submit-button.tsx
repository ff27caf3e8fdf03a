'use client';
// Client component: it reads the pending state of the form it sits in.
import { useFormStatus } from 'react-dom';

export function SubmitButton({
  children,
  variant = 'primary',
  className = '',
  ...rest
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'danger' }) {
  const { pending } = useFormStatus();
  const styles = {
    primary: 'bg-brand-600 text-white hover:bg-brand-700',
    secondary: 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-100',
    danger: 'bg-red-700 text-white hover:bg-red-800',
  }[variant];
  return (
    <button
      type="submit"
      {...rest}
      // After the spread: a caller's className (e.g. "w-full") adds to the button's look instead of replacing it,
      // and a caller's disabled={false} does not re-enable the button while its form is being sent.
      disabled={pending || rest.disabled}
      aria-disabled={pending || rest.disabled}
      className={`inline-flex items-center justify-center rounded-md px-4 py-2 text-sm font-medium disabled:opacity-60 ${styles} ${className}`}
    >
      {children}
    </button>
  );
}
