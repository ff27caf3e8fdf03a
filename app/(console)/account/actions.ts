'use server';
import { adminAction } from '@/lib/actions/define-action';
import { changePassword } from '@/lib/administrators/change-password';
import { changePasswordSchema } from '@/lib/auth/schemas';

export const changePasswordAction = adminAction(changePasswordSchema, async ({ currentPassword, password }, ctx) => {
  const result = await changePassword({ adminId: ctx.admin.id, sessionId: ctx.admin.sessionId, currentPassword, password, ipAddress: ctx.request.ipAddress });
  if (!result.ok) {
    await ctx.audit({ action: 'administrator.password_change', outcome: 'failure', target: { type: 'administrator', id: ctx.admin.id }, summary: `${ctx.admin.email} failed to change their password: ${result.error.toLowerCase()}` });
    return { status: 'error', message: 'Check the highlighted fields.', fieldErrors: { [result.field]: result.error } };
  }
  await ctx.audit({
    action: 'administrator.password_change',
    target: { type: 'administrator', id: ctx.admin.id },
    summary: `${ctx.admin.email} changed their password; ${result.endedSessions} other session(s) ended`,
  });
  return { status: 'success', message: 'Password changed. Your other sessions were signed out.' };
});
