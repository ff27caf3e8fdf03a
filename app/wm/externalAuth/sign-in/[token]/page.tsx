import { findUsableSignInLink } from '@/lib/entra/sign-in-links';

export const metadata = { title: 'Connect your mailbox', robots: { index: false } };

// Public: a mailbox user opens this from the link an administrator sent. It shows what they are connecting and
// nothing else of the console.
export default async function SignInLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await findUsableSignInLink(token);
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-lg rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <p className="mb-4 text-sm font-semibold text-brand-700">Switchboard</p>
        {found.ok ? (
          <>
            <h1 className="text-xl font-semibold">Connect a mailbox</h1>
            <p className="mt-2 text-sm text-slate-700">
              Your administrator asked you to sign in to Microsoft so that <strong>{found.link.connection.name}</strong>{' '}
              can work with your mailbox ({found.link.connection.service.name}, tenant{' '}
              {found.link.connection.tenant.name}).
            </p>
            <p className="mt-2 text-sm text-slate-700">
              Microsoft will ask for your password and show the permissions before anything is granted. This link works
              once and expires on {found.link.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.
            </p>
            <form method="post" action={`/wm/externalAuth/sign-in/${encodeURIComponent(token)}/start`} className="mt-6">
              <button
                type="submit"
                className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
              >
                Sign in with Microsoft
              </button>
            </form>
          </>
        ) : (
          <>
            <h1 className="text-xl font-semibold">This link cannot be used</h1>
            <p className="mt-2 text-sm text-slate-700" role="alert">
              {found.reason}
            </p>
          </>
        )}
      </div>
    </main>
  );
}
