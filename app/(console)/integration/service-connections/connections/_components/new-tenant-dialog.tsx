'use client';
// Client component: a modal over Add Service Connection, so a tenant can be created without leaving (and losing)
// the connection form. It sits outside that form in the DOM (forms cannot nest), and its own form exists only while
// it is open, so every opening starts empty. That form (the tenant's fields) loads when the dialog first opens.
import { lazy, Suspense, useEffect, useId, useRef } from 'react';
import type { NewTenantHandlers } from './new-tenant-form';

const NewTenantForm = lazy(() => import('./new-tenant-form').then((m) => ({ default: m.NewTenantForm })));

export function NewTenantDialog({ open, onClose, onCreated }: NewTenantHandlers & { open: boolean }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className="m-auto w-full max-w-3xl rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      {open ? (
        <Suspense fallback={<p className="p-6 text-sm text-slate-600">Loading…</p>}>
          <NewTenantForm titleId={titleId} onClose={onClose} onCreated={onCreated} />
        </Suspense>
      ) : null}
    </dialog>
  );
}
