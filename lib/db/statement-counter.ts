// Counts the SQL statements this process sends to its database (Prisma's and the direct ones), for the benchmarks'
// "statements per message". Universal; one integer increment per statement.

export const statementCounter = { count: 0 };
