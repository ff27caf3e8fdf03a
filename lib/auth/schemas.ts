import { z } from 'zod';

// Shared by the forms (client) and the actions (server), so both say the same thing about the same input.

export const emailSchema = z
  .string({ error: 'Enter an email address' })
  .trim()
  .min(1, 'Enter an email address')
  .max(254, 'Email addresses are at most 254 characters')
  .pipe(z.email('Enter a valid email address, like admin@contoso.com'))
  .transform((v) => v.toLowerCase());

export const newPasswordSchema = z
  .string({ error: 'Enter a password' })
  .min(12, 'Use at least 12 characters')
  .max(256, 'Use at most 256 characters');

export const loginSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: 'Enter your password' })
    .min(1, 'Enter your password')
    .max(256, 'Use at most 256 characters'),
});

const nameSchema = z.string().trim().min(1, 'Enter a name').max(100, 'Use at most 100 characters');

export const setupSchema = z
  .object({ name: nameSchema, email: emailSchema, password: newPasswordSchema, confirmPassword: z.string() })
  .refine((v) => v.password === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The passwords do not match',
  });

export const addAdministratorSchema = z.object({ name: nameSchema, email: emailSchema, password: newPasswordSchema });

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password'),
    password: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The passwords do not match',
  });
