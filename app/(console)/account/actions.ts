'use server';
import { adminAction } from '@/lib/actions/define-action';
import { changePassword } from '@/lib/administrators/change-password';
import { changePasswordSchema } from '@/lib/auth/schemas';

export const changePasswordAction = adminAction(
  changePasswordSchema,
  { action: 'administrator.password_change', target: 'administrator' },
  async ({ currentPassword, password }, ctx) => {
    ctx.audit.target = ctx.admin.id;
    const result = await changePassword({
      adminId: ctx.admin.id,
      sessionId: ctx.admin.sessionId,
      currentPassword,
      password,
      ipAddress: ctx.request.ipAddress,
    });
    if (!result.ok) {
      ctx.audit.summary = `${ctx.admin.email} failed to change their password: ${result.error.toLowerCase()}`;
      return {
        status: 'error',
        message: 'Check the highlighted fields.',
        fieldErrors: { [result.field]: result.error },
      };
    }
    ctx.audit.summary = `${ctx.admin.email} changed their password; ${result.endedSessions} other session(s) ended`;
    return { status: 'success', message: 'Password changed. Your other sessions were signed out.' };
  },
);
