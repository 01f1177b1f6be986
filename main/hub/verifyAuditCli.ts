import Database from 'better-sqlite3';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadAuditKey, verifyAudit } from './commands/audit';

/**
 * npm run verify-audit -- --data DIR
 * Checks a hall's audit chain read-only (works while the hub runs); exit 1 when it is broken.
 */
const { values } = parseArgs({ options: { data: { type: 'string' } } });
if (!values.data) {
  process.stderr.write('verify-audit: --data DIR is required\n');
  process.exit(2);
}
const db = new Database(path.join(values.data, 'hall.db'), { readonly: true, fileMustExist: true });
const report = verifyAudit(db, loadAuditKey(values.data));
db.close();
if (report.ok) process.stdout.write(`审计链完整：${report.rows} 条记录\n`);
else for (const p of report.problems) process.stdout.write(`审计链异常 [${p.kind}] 第 ${p.at} 条附近：${p.message}\n`);
process.exit(report.ok ? 0 : 1);
