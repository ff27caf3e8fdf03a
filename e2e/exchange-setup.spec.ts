import crypto from 'node:crypto';
import { request } from '@playwright/test';
import { expect, test } from './support/test';
import { signIn } from './support/console';
import { sandboxInfo } from './support/sandbox';

// Issue 14 §6 the way an administrator does it: Grant admin consent on the tenant page, through Microsoft's (the
// sandbox's) sign-in and consent pages and back to the console's redirect page; then the Exchange setup panel of a
// client-credentials connection, filled with the app id and the enterprise application's object id that Test
// recorded. The sandbox's second directory (Fabrikam) is used: its app is consented already, so granting again
// changes nothing another spec relies on.

const TENANTS = '/integration/service-connections/tenants';
const CONNECTIONS = '/integration/service-connections/connections';
const FABRIKAM = {
  tenantId: 'b7e1d0c4-2f6a-4b38-a9d5-6c0e8f31a2d7',
  clientId: '9d4e6b2a-5c7f-4e18-b3a9-2f6d8c1e0a94',
  clientSecret: 'Sbx8Q~fabrikam-relay-sandbox-secret-val01',
  admin: { username: 'alex@fabrikam.onmicrosoft.com', password: 'Sandbox-Alex-1' },
};

/** The `oid` of an app-only token straight from the sandbox's token endpoint: the id the panel must show. */
async function servicePrincipalObjectId(authorityHost: string): Promise<string> {
  const http = await request.newContext({ ignoreHTTPSErrors: true });
  const response = await http.post(`${authorityHost}/${FABRIKAM.tenantId}/oauth2/v2.0/token`, {
    form: {
      grant_type: 'client_credentials',
      client_id: FABRIKAM.clientId,
      client_secret: FABRIKAM.clientSecret,
      scope: 'https://graph.microsoft.com/.default',
    },
  });
  const { access_token: token } = (await response.json()) as { access_token: string };
  await http.dispose();
  const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { oid: string };
  return claims.oid;
}

test('Grant admin consent through Microsoft’s pages, then the Exchange setup panel with the connection’s own ids', async ({
  page,
}) => {
  const info = await sandboxInfo();
  await signIn(page);
  const tenant = `Admin consent ${crypto.randomBytes(3).toString('hex')}`;
  await page.goto(`${TENANTS}/new`);
  await page.getByLabel('Name', { exact: true }).fill(tenant);
  await page.getByLabel('Cloud').selectOption({ label: 'Custom' });
  await page.getByLabel('Authority host').fill(info.authorityHost);
  await page.getByLabel('Graph base URL').fill(info.graphBaseUrl);
  await page.getByLabel('Tenant ID').fill(FABRIKAM.tenantId);
  await page.getByLabel('Client ID').fill(FABRIKAM.clientId);
  await page.getByLabel('Client Secret', { exact: true }).fill(FABRIKAM.clientSecret);
  await page.getByRole('button', { name: 'Save & Close' }).click();
  await expect(page).toHaveURL(new RegExp(`${TENANTS}$`));
  await page.getByRole('link', { name: tenant }).click();
  await expect(page.getByRole('heading', { name: tenant })).toBeVisible();

  // Declined first: Entra's AADSTS65004 comes back and is explained.
  await page.getByRole('button', { name: 'Grant admin consent' }).click();
  await page.getByLabel('Email, phone, or Skype').fill(FABRIKAM.admin.username);
  await page.getByLabel('Password').fill(FABRIKAM.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('for all users in')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page).toHaveURL(/\/wm\/externalAuth\/redirect\.html\?/);
  await expect(page.getByRole('heading', { name: 'Admin consent declined: AADSTS65004' })).toBeVisible();
  await expect(page.getByText('Click Grant admin consent again and choose Accept')).toBeVisible();
  // The same answer again is refused: its state was used.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Admin consent answer not accepted' })).toBeVisible();

  // Then granted.
  await page.goto(TENANTS);
  await page.getByRole('link', { name: tenant }).click();
  await page.getByRole('button', { name: 'Grant admin consent' }).click();
  await expect(page.getByText('for all users in')).toBeVisible(); // the sandbox's session: no password again
  await page.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByRole('heading', { name: 'Admin consent granted' })).toBeVisible();
  await expect(page.getByText(FABRIKAM.tenantId)).toBeVisible();
  await page.getByRole('link', { name: 'Back to the tenant' }).click();
  await expect(page.getByText(/Last granted on \d{4}-\d{2}-\d{2}/)).toBeVisible();

  // A client-credentials connection: the object id is not known until Test gets a token.
  await page.goto(`${CONNECTIONS}/new`);
  await page.getByLabel('Service', { exact: true }).selectOption({ label: 'Microsoft Entra ID (Client Credentials)' });
  await page.getByLabel('Tenant', { exact: true }).selectOption({ label: tenant });
  await page.getByRole('button', { name: 'Save & Close' }).click();
  await expect(page).toHaveURL(new RegExp(`${CONNECTIONS}$`));
  await page.goto(`${CONNECTIONS}?q=${encodeURIComponent(tenant)}`);
  await page.getByRole('link', { name: `Microsoft Entra ID (Client Credentials) - ${tenant}` }).click();
  const panel = page.getByRole('region', { name: 'Exchange setup' });
  const objectId = panel.getByLabel('Enterprise application Object ID');
  await expect(objectId).toHaveValue('');
  await expect(panel).toContainText('-ObjectId <enterprise application object id>');
  // Typed wrong: told at the field.
  await objectId.fill('not-a-guid');
  await panel.getByRole('button', { name: 'Save Object ID' }).click();
  await expect(panel.getByText('Enter the Object ID as a GUID')).toBeVisible();

  await page.getByRole('button', { name: 'Test', exact: true }).click();
  await expect(page.getByText(/Application token acquired/)).toBeVisible();
  const oid = await servicePrincipalObjectId(info.authorityHost);
  await page.reload();
  await expect(objectId).toHaveValue(oid);
  await expect(panel).toContainText(
    `New-ServicePrincipal -AppId '${FABRIKAM.clientId}' -ObjectId '${oid}' -DisplayName '${tenant}'`,
  );
  await expect(panel).toContainText(`New-ManagementRoleAssignment -App '${oid}' -Role 'Application Mail.Send'`);
  await expect(panel).toContainText('only takes effect once the tenant-wide Entra application permission');

  // App-only SMTP for a mailbox typed with a quote in it: it stays one PowerShell string.
  await panel.getByLabel('Setup for').selectOption({ label: 'App-only SMTP (the application sends over SMTP)' });
  await panel.getByLabel('Mailbox', { exact: true }).fill("o'brien@fabrikam.onmicrosoft.com");
  await expect(panel).toContainText(
    `Add-MailboxPermission -Identity 'o''brien@fabrikam.onmicrosoft.com' -User '${oid}' -AccessRights FullAccess`,
  );
  await expect(panel.getByRole('button', { name: 'Copy' }).first()).toBeVisible();
});
