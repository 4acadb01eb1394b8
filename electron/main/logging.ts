import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import log from 'electron-log/node';

/**
 * Main-process logging: electron-log writing to main.log in the OS's log
 * folder for the app (app.getPath('logs')), rotated by size into
 * main.1.log … main.<keep>.log. The node flavour of electron-log is used on
 * purpose: its main-process flavour registers its own IPC channels, and the
 * only IPC this app answers is the typed contract.
 */
export const LOG_MAX_BYTES = 1024 * 1024;
export const LOG_KEEP = 5;

/** Shifts main.log → main.1.log → … → main.<keep>.log; the oldest falls off. */
export function rotateLogFiles(file: string, keep: number): void {
  const { dir, name, ext } = path.parse(file);
  const numbered = (n: number) => path.join(dir, `${name}.${n}${ext}`);
  rmSync(numbered(keep), { force: true });
  for (let n = keep - 1; n >= 1; n--) if (existsSync(numbered(n))) renameSync(numbered(n), numbered(n + 1));
  renameSync(file, numbered(1));
}

export type MainLog = Pick<typeof log, 'info' | 'warn' | 'error'>;

export function setupLogging(logDir: string, options: { console: boolean; catchErrors: boolean }): MainLog {
  log.transports.file.resolvePathFn = () => path.join(logDir, 'main.log');
  log.transports.file.maxSize = LOG_MAX_BYTES;
  log.transports.file.archiveLogFn = (file) => {
    try {
      rotateLogFiles(file.path, LOG_KEEP);
    } catch {
      file.clear();
    }
  };
  log.transports.console.level = options.console ? 'info' : false;
  // Only in a packaged app: in development and tests, crashes should surface as crashes.
  if (options.catchErrors) log.errorHandler.startCatching({ showDialog: false });
  return log;
}
