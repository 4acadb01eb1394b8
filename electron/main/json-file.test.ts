import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { createWriteQueue, readJsonFile, writeJsonFileAtomic } from './json-file';

const Schema = z.object({ n: z.number() }).strict();
let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tierdesk-json-'));
  file = path.join(dir, 'state.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('json state files', () => {
  test('a missing file reads as missing', async () => {
    expect(await readJsonFile(file, Schema)).toEqual({ value: undefined, state: 'missing' });
  });

  test('writes atomically and reads back, leaving no temporary files', async () => {
    await writeJsonFileAtomic(file, { n: 1 });
    await writeJsonFileAtomic(file, { n: 2 });
    expect(await readJsonFile(file, Schema)).toEqual({ value: { n: 2 }, state: 'ok' });
    expect(await readdir(dir)).toEqual(['state.json']);
  });

  test.each([
    ['truncated JSON', '{"n": 1'],
    ['the wrong shape', '{"n": "one"}'],
    ['an unexpected field', '{"n": 1, "x": 2}'],
    ['binary junk', '\u0000\u0001\u0002'],
  ])('moves a file with %s aside to .corrupt and reports it', async (_name, content) => {
    await writeFile(file, content);
    expect(await readJsonFile(file, Schema)).toEqual({ value: undefined, state: 'corrupt' });
    expect(await readFile(`${file}.corrupt`, 'utf8')).toBe(content);
    expect(await readdir(dir)).toEqual(['state.json.corrupt']);
  });

  test('queued writes land in order', async () => {
    const errors: unknown[] = [];
    const write = createWriteQueue(file, (e) => errors.push(e));
    void write({ n: 1 });
    void write({ n: 2 });
    await write({ n: 3 });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ n: 3 });
    expect(errors).toEqual([]);
  });

  test('a failing write is reported, not thrown, and later writes still happen', async () => {
    const errors: unknown[] = [];
    const write = createWriteQueue(path.join(dir, 'missing-dir', 'x.json'), (e) => errors.push(e));
    await write({ n: 1 });
    expect(errors).toHaveLength(1);
  });
});
