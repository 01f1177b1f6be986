import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readAuditHead, readAuditKey, verifyAudit } from './commands/audit';

/**
 * npm run verify-audit -- --data DIR [--witness ID:HASH …]
 * Checks a hall's audit chain (works while the hub runs); exit 1 when it is broken, 2 when it
 * cannot be checked. A witness is a chain head printed from the board earlier: the chain must still
 * hold that row. Only reads: the data dir is left exactly as found.
 */
const { values } = parseArgs({ options: { data: { type: 'string' }, witness: { type: 'string', multiple: true } } });
const fail = (message: string): never => {
  process.stderr.write(`verify-audit: ${message}\n`);
  process.exit(2);
};
if (!values.data) fail('--data DIR is required');
const dataDir = values.data!;
const witnesses = (values.witness ?? []).map((w) => {
  const m = /^(\d+):([0-9a-f]{64})$/.exec(w.trim());
  return m ? { id: Number(m[1]), hash: m[2]! } : fail(`--witness ${w}: expected ID:HASH (as printed on the board)`);
});

/**
 * SQLite opens a WAL database read-only only with its -wal and -shm files, which it creates when
 * they are missing (a hub that closed cleanly leaves none) and leaves behind. Those files exist
 * while a hub runs (or after one crashed, holding its last commits): then the database is read in
 * place. Otherwise the database file alone is whole, and a copy in memory is read; its header is
 * marked as a rollback-journal database, which is all an in-memory copy can open.
 */
function openReadOnly(file: string): Database.Database {
  if (existsSync(`${file}-wal`)) return new Database(file, { readonly: true, fileMustExist: true });
  const bytes = readFileSync(file);
  bytes[18] = bytes[19] = 1;
  return new Database(bytes, { readonly: true });
}

let key: Buffer;
try {
  key = readAuditKey(dataDir);
} catch (e) {
  fail((e as Error).message);
}
// The head is read before the database: a hub committing meanwhile only adds rows after it.
const head = readAuditHead(dataDir);
const db = openReadOnly(path.join(dataDir, 'hall.db'));
const report = verifyAudit(db, key!, head, witnesses);
db.close();
if (report.ok)
  process.stdout.write(`审计链完整：${report.rows} 条记录${report.head ? `，链头 ${report.head.id}:${report.head.hash}` : ''}\n`);
else for (const p of report.problems) process.stdout.write(`审计链异常 [${p.kind}] 第 ${p.at} 条附近：${p.message}\n`);
process.exit(report.ok ? 0 : 1);
