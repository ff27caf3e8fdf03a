import { redirect } from 'next/navigation';
import { requireAdmin } from '@/lib/auth/current-admin';

export default async function HomePage() {
  await requireAdmin();
  redirect('/integration/service-connections/connections');
}
