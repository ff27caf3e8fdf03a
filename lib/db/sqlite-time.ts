// A point in time as Prisma's SQLite adapter stores it (ISO 8601 text ending in +00:00), so that raw SQL compares
// and writes dates the same way the client does. Universal.

export function sqliteTime(date: Date): string {
  return date.toISOString().replace('Z', '+00:00');
}
