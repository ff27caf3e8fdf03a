'use client';
// Client component: Resend or Delete every checked message at once (one confirmation for all), and say how it went.
import { startTransition, useActionState, useRef, useState, useSyncExternalStore } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { type ActionState, IDLE } from '@/lib/actions/action-state';
import { deleteMessagesAction, resendMessagesAction } from '../actions';
import { OUTBOX_BULK_FORM } from './outbox-bulk-form-id';

function checkedBoxes(): HTMLInputElement[] {
  return Array.from(
    document.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][form="${OUTBOX_BULK_FORM}"]:checked`),
  );
}

const noSubscription = () => () => undefined;

export function OutboxBulkActions() {
  // False in the server's HTML and until hydration: the buttons stay disabled until a click can do something.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [resendState, resend, resending] = useActionState(resendMessagesAction, IDLE);
  const [deleteState, remove, deleting] = useActionState(deleteMessagesAction, IDLE);
  const [last, setLast] = useState<'resend' | 'delete' | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [nothing, setNothing] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  function selection(): FormData | null {
    const ids = checkedBoxes().map((box) => box.value);
    setNothing(ids.length === 0);
    if (ids.length === 0) return null;
    const data = new FormData();
    // One field: the action wrapper reads each field once.
    data.set('ids', ids.join(','));
    return data;
  }

  function run(kind: 'resend' | 'delete') {
    const data = selection();
    if (!data) return;
    setLast(kind);
    setConfirming(null);
    for (const box of checkedBoxes()) box.checked = false;
    startTransition(() => (kind === 'resend' ? resend(data) : remove(data)));
  }

  const state: ActionState = last === 'delete' ? deleteState : last === 'resend' ? resendState : IDLE;
  const busy = resending || deleting || !hydrated;
  const button = 'rounded-md border px-3 py-1.5 text-sm font-medium disabled:opacity-60';
  return (
    <form
      id={OUTBOX_BULK_FORM}
      ref={form}
      onSubmit={(event) => event.preventDefault()}
      className="flex flex-wrap items-center gap-2"
      aria-label="Selected messages"
    >
      <button
        type="button"
        disabled={!hydrated}
        onClick={() => {
          const boxes = Array.from(
            document.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][form="${OUTBOX_BULK_FORM}"]`),
          );
          const all = boxes.every((box) => box.checked);
          for (const box of boxes) box.checked = !all;
          setNothing(false);
        }}
        className="text-sm underline"
      >
        Select all on this page
      </button>
      <button
        type="button"
        disabled={busy}
        onClick={() => run('resend')}
        className={`${button} border-slate-300 bg-white text-slate-800 hover:bg-slate-100`}
      >
        Resend selected
      </button>
      {confirming === null ? (
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            const count = checkedBoxes().length;
            setNothing(count === 0);
            if (count > 0) setConfirming(count);
          }}
          className={`${button} border-red-300 bg-white text-red-800 hover:bg-red-50`}
        >
          Delete selected
        </button>
      ) : (
        <span
          role="group"
          aria-label="Confirm delete"
          className="flex flex-wrap items-center gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-1.5"
        >
          <span className="text-sm text-red-900">
            Delete {confirming === 1 ? 'the selected message' : `the ${confirming} selected messages`} with their
            attempts?
          </span>
          <button
            type="button"
            disabled={busy}
            onClick={() => run('delete')}
            className={`${button} border-red-700 bg-red-700 text-white hover:bg-red-800`}
          >
            Delete {confirming === 1 ? '1 message' : `${confirming} messages`}
          </button>
          <button type="button" className="text-sm underline" onClick={() => setConfirming(null)}>
            Cancel
          </button>
        </span>
      )}
      {nothing ? (
        <p role="alert" className="text-sm text-red-800">
          Select messages first: tick them in the list.
        </p>
      ) : null}
      <FormMessage state={state} />
    </form>
  );
}
