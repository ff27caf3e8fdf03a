'use client';
// Client component: the Name follows "Service - Tenant" as they change until the administrator types their own,
// and a tenant created in the dialog joins the Tenant list, selected, without losing anything typed here.
import Link from 'next/link';
import { useRef, useState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useKeptForm } from '@/components/ui/use-kept-form';
import { validateOnClient } from '@/components/ui/validate-on-client';
import { type ActionState, IDLE } from '@/lib/actions/action-state';
import { generatedConnectionName } from '@/lib/connections/generated-name';
import type { RedirectUri } from '@/lib/connections/redirect-uri';
import { CONNECTION_NAME_MAX } from '@/lib/connections/connection-name';
import { AUTH_TYPE_LABELS, type AuthType } from '@/lib/services/auth-types';
import { createConnectionAction, updateConnectionAction } from '../actions';
import type { ConnectionAuthStatus } from '@/lib/connections/get-connection-auth-status';
import { saveConnectionBeforeSignInAction } from '../auth-actions';
import { NewTenantDialog } from './new-tenant-dialog';
import type { CreatedTenant } from './new-tenant-form';
import { SetupAuthentication } from './setup-authentication';
import { RedirectUriField } from './redirect-uri-field';
import { type OptionalCapability, OptionalCapabilities } from './optional-capabilities';

export interface ServiceOption {
  id: string;
  name: string;
  authType: string;
  optionalCapabilities?: OptionalCapability[];
}

export interface ConnectionFormProps {
  services: ServiceOption[];
  tenants: CreatedTenant[];
  redirectUri: RedirectUri;
  connection?: {
    id: string;
    name: string;
    nameCustomized: boolean;
    serviceId: string;
    tenantId: string;
    optionalCapabilities?: string[];
  };
  authStatus?: ConnectionAuthStatus | null;
}

const LIST = '/integration/service-connections/connections';

export function ConnectionForm({ services, tenants, redirectUri, connection, authStatus = null }: ConnectionFormProps) {
  const form = useRef<HTMLFormElement>(null);
  // Setup Authentication saves a new connection first; from then on this form edits it.
  const [savedId, setSavedId] = useState(connection?.id);
  const [saveProblem, setSaveProblem] = useState<ActionState | null>(null);
  const [serviceId, setServiceId] = useState(connection?.serviceId ?? '');
  const [tenantId, setTenantId] = useState(connection?.tenantId ?? '');
  const [customName, setCustomName] = useState(connection?.nameCustomized ? connection.name : '');
  const [nameCustomized, setNameCustomized] = useState(connection?.nameCustomized ?? false);
  const [added, setAdded] = useState<CreatedTenant[]>([]);
  const [dialogOpen, setDialogOpen] = useState(false);

  const allTenants = [...tenants, ...added.filter((a) => !tenants.some((t) => t.id === a.id))].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  const service = services.find((s) => s.id === serviceId);
  const tenant = allTenants.find((t) => t.id === tenantId);
  const generated = generatedConnectionName(service?.name, tenant?.name);
  const name = nameCustomized ? customName : generated;

  const { state, onSubmit, pending } = useKeptForm(async (previous: ActionState, formData: FormData) => {
    const invalid = await validateOnClient(
      () =>
        import('@/lib/connections/schemas').then((m) =>
          savedId ? m.updateConnectionSchema : m.createConnectionSchema,
        ),
      formData,
    );
    if (invalid) return invalid;
    return savedId ? updateConnectionAction(previous, formData) : createConnectionAction(previous, formData);
  });
  const shownState = saveProblem ?? state;
  const errors = shownState.fieldErrors ?? {};

  async function saveBeforeSignIn(): Promise<string | null> {
    if (!form.current) return null;
    const formData = new FormData(form.current);
    const invalid = await validateOnClient(
      () => import('@/lib/connections/schemas').then((m) => m.createConnectionSchema),
      formData,
    );
    const result = invalid ?? (await saveConnectionBeforeSignInAction(IDLE, formData));
    const id = result.status === 'success' ? result.values?.id : undefined;
    setSaveProblem(id ? null : result);
    if (id) setSavedId(id);
    return id ?? null;
  }

  function tenantCreated(created: CreatedTenant) {
    setAdded((list) => [...list, created]);
    setTenantId(created.id);
    setDialogOpen(false);
  }

  return (
    <>
      <form ref={form} onSubmit={onSubmit} noValidate className="space-y-5">
        <FormMessage state={shownState} />
        {savedId ? <input type="hidden" name="id" value={savedId} /> : null}
        <input type="hidden" name="nameCustomized" value={nameCustomized ? 'true' : 'false'} />
        <SelectField
          label="Service"
          name="serviceId"
          placeholder="Choose a service"
          options={services.map((s) => ({ value: s.id, label: s.name }))}
          value={serviceId}
          onChange={(event) => setServiceId(event.target.value)}
          error={errors.serviceId}
          hint={
            service
              ? (AUTH_TYPE_LABELS[service.authType as AuthType] ?? service.authType)
              : 'What Switchboard connects to, and how it authenticates.'
          }
        />
        <SelectField
          label="Tenant"
          name="tenantId"
          placeholder={allTenants.length === 0 ? 'No tenants yet: create one' : 'Choose a tenant'}
          options={allTenants.map((t) => ({ value: t.id, label: t.name }))}
          value={tenantId}
          onChange={(event) => setTenantId(event.target.value)}
          error={errors.tenantId}
          hint="The app registration whose Client ID and Client Secret sign in."
          addon={
            <button
              type="button"
              onClick={() => setDialogOpen(true)}
              className="shrink-0 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-800 hover:bg-slate-100"
            >
              New tenant
            </button>
          }
        />
        <TextField
          label="Name"
          name="name"
          maxLength={CONNECTION_NAME_MAX}
          value={name}
          onChange={(event) => {
            setCustomName(event.target.value);
            setNameCustomized(true);
          }}
          error={errors.name}
          hint={
            nameCustomized ? (
              <>
                Your own name.{' '}
                <button type="button" className="underline" onClick={() => setNameCustomized(false)}>
                  Use “Service - Tenant” again
                </button>
              </>
            ) : (
              'Generated as “Service - Tenant” until you edit it.'
            )
          }
        />
        <RedirectUriField redirectUri={redirectUri} />
        {service ? (
          <OptionalCapabilities
            key={service.id}
            capabilities={service.optionalCapabilities ?? []}
            connectionId={savedId && service.id === connection?.serviceId ? savedId : undefined}
            initial={service.id === connection?.serviceId ? (connection.optionalCapabilities ?? []) : []}
          />
        ) : null}
        {service ? (
          <SetupAuthentication
            connectionId={savedId}
            ensureSaved={saveBeforeSignIn}
            initialStatus={savedId === connection?.id ? authStatus : null}
            redirectUri={redirectUri.uri}
            isApplication={service.authType === 'application'}
          />
        ) : null}
        <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4">
          <SubmitButton disabled={pending}>Save &amp; Close</SubmitButton>
          <Link href={LIST} className="text-sm underline">
            Cancel
          </Link>
        </div>
      </form>
      <NewTenantDialog open={dialogOpen} onClose={() => setDialogOpen(false)} onCreated={tenantCreated} />
    </>
  );
}
