// The SQLite writer thread's code, run with `new Worker(source, { eval: true })`: a string, so that neither tsx nor
// Next's bundler has to know about a second entry file. Universal (no imports). Plain CommonJS JavaScript.

export const SQLITE_WRITER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 5000 });
db.exec(workerData.pragmas);
const statements = new Map();
function prepare(sql) {
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
// A parameter { ref, column, where } is the JSON list of that column of an earlier step's rows (where set).
function value(param, results) {
  if (param === null || typeof param !== 'object' || !('ref' in param)) return param;
  return JSON.stringify(results[param.ref].filter((row) => !param.where || row[param.where]).map((row) => row[param.column]));
}
parentPort.on('message', ({ id, steps }) => {
  const results = [];
  try {
    db.exec('BEGIN IMMEDIATE');
    try {
      for (const step of steps) {
        const params = step.params.map((p) => value(p, results));
        const statement = prepare(step.sql);
        results.push(step.rows ? statement.all(...params) : statement.run(...params).changes);
      }
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
    parentPort.postMessage({ id, value: results });
  } catch (error) {
    parentPort.postMessage({ id, error: { message: String(error && error.message), code: error && error.code } });
  }
});
`;
