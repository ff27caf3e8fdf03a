import type { ActionState } from '@/lib/actions/action-state';

export function FormMessage({ state }: { state: ActionState }) {
  if (!state.message) return null;
  const error = state.status === 'error';
  return (
    <p
      role={error ? 'alert' : 'status'}
      className={`rounded-md px-3 py-2 text-sm ${error ? 'bg-red-50 text-red-800' : 'bg-green-50 text-green-800'}`}
    >
      {state.message}
    </p>
  );
}
