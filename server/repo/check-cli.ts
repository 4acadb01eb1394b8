import { loadConfig } from '../config';
import { openDatabase } from '../db/open-database';
import { checkStoredRecords, resyncRepaired } from './check-stored';

// npm run db:check — reads every stored ticket, log entry, KB article and
// audit entry (SQLite under TIERDESK_DATA_DIR, or DATABASE_URL) and names each
// damaged row and its bad field; exits 1 if there is one.
// npm run db:check -- --resync tickets:<id> | ticket_events:<id> — after a
// hand repair, sends the row to every client again.
const args = process.argv.slice(2);
const db = await openDatabase(loadConfig());
try {
  if (args[0] === '--resync') {
    const [table, id] = (args[1] ?? '').split(/:(.*)/s);
    if ((table !== 'tickets' && table !== 'ticket_events') || !id) {
      console.error('usage: npm run db:check -- --resync tickets:<id> | ticket_events:<id>');
      process.exitCode = 2;
    } else {
      await resyncRepaired(db, table, id);
      console.log(`${table} row ${id} reads again; clients will pull it on their next sync`);
    }
  } else {
    const report = await checkStoredRecords(db, (error) => console.error(error.message));
    const checked = Object.entries(report.checked)
      .map(([table, n]) => `${n} ${table}`)
      .join(', ');
    if (report.damaged) {
      console.error(`${report.damaged} damaged row(s) among ${checked}`);
      process.exitCode = 1;
    } else {
      console.log(`all stored records read: ${checked}`);
    }
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
