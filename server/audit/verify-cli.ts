import { loadConfig } from '../config';
import { openDatabase } from '../db/open-database';
import { verifyAuditChain } from './audit-log';

// npm run audit:verify — checks the hash chain of the audit log (SQLite under
// TIERDESK_DATA_DIR, or DATABASE_URL) and names the first broken link.
const db = await openDatabase(loadConfig());
const report = await verifyAuditChain(db);
await db.destroy();
if (report.ok) {
  console.log(`audit chain intact: ${report.entries} entries, head ${report.head.slice(0, 16)}…`);
} else {
  console.error(`audit chain BROKEN at entry ${report.brokenAt}: ${report.reason} (${report.entries} entries verified before it)`);
  process.exit(1);
}
