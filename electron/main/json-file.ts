import { randomBytes } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';

/**
 * Small JSON state files in userData (fired alerts, settings, the sealed
 * token). A write goes to a temporary file in the same folder, is flushed,
 * then renamed over the old file: a crash leaves the old or the new file,
 * never half of one. A file that does not parse is moved aside to
 * `<name>.corrupt` (kept for support) and the caller starts from defaults.
 */
export type JsonReadResult<T> = { value: T | undefined; state: 'ok' | 'missing' | 'corrupt' };

export async function readJsonFile<S extends z.ZodType>(file: string, schema: S): Promise<JsonReadResult<z.output<S>>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { value: undefined, state: 'missing' };
    throw error;
  }
  let parsed: z.ZodSafeParseResult<z.output<S>> | undefined;
  try {
    parsed = schema.safeParse(JSON.parse(text));
  } catch {
    parsed = undefined;
  }
  if (parsed?.success) return { value: parsed.data, state: 'ok' };
  await rename(file, `${file}.corrupt`);
  return { value: undefined, state: 'corrupt' };
}

export async function writeJsonFileAtomic(file: string, value: unknown): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(JSON.stringify(value), 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** Serialises writes to one file so an older state never lands after a newer one. */
export function createWriteQueue(file: string, onError: (error: unknown) => void): (value: unknown) => Promise<void> {
  let chain: Promise<void> = Promise.resolve();
  return (value) => {
    chain = chain.then(() => writeJsonFileAtomic(file, value)).catch(onError);
    return chain;
  };
}
