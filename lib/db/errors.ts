// Prisma reports a unique-constraint violation as P2002, whatever the database underneath.
export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'P2002'
  );
}
