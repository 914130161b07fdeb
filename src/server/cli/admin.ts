import { createInterface } from 'node:readline';
import { migrateToLatest } from '../store/migrations';
import { databaseConfigFromEnv, describeDatabase, openDatabase } from '../store/openDatabase';
import { runAdmin } from './adminCommands';
import { isBackupCommand, runBackupCommand } from './backupCommands';

/** `npm run admin -- <command>`: account administration on the same database as `npm start`. */
const config = databaseConfigFromEnv();
const db = openDatabase(config);
let code: number;
try {
  await migrateToLatest(db);
  const argv = process.argv.slice(2);
  const print = { out: (line: string) => process.stdout.write(`${line}\n`), err: (line: string) => process.stderr.write(`${line}\n`) };
  code = isBackupCommand(argv[0]) ? await runBackupCommand(argv, { config, ...print }) : await runAdmin(argv, {
    db,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    askPassword,
  });
} catch (error) {
  process.stderr.write(`Error on ${describeDatabase(config)}: ${error instanceof Error ? error.message : String(error)}\n`);
  code = 1;
} finally {
  await db.destroy();
}
process.exitCode = code;

/** Reads a password without echoing it on a terminal; from a pipe it reads one line. */
async function askPassword(): Promise<string> {
  const { stdin, stderr } = process;
  if (!stdin.isTTY) {
    const lines = createInterface({ input: stdin });
    for await (const line of lines) return line;
    return '';
  }
  stderr.write('Password: ');
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done(() => resolve(typed));
        if (ch === '\u0003') return done(() => reject(new Error('Cancelled.')));
        typed = ch === '\u007f' || ch === '\b' ? typed.slice(0, -1) : typed + ch;
      }
    };
    const done = (finish: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
      finish();
    };
    stdin.on('data', onData);
  });
}
