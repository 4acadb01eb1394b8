import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { rotateLogFiles } from './logging';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tierdesk-logs-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('rotateLogFiles', () => {
  test('shifts the numbered logs and keeps at most `keep` of them', async () => {
    const file = path.join(dir, 'main.log');
    for (let round = 1; round <= 5; round++) {
      await writeFile(file, `round ${round}`);
      rotateLogFiles(file, 3);
    }
    expect((await readdir(dir)).sort()).toEqual(['main.1.log', 'main.2.log', 'main.3.log']);
    expect(await readFile(path.join(dir, 'main.1.log'), 'utf8')).toBe('round 5');
    expect(await readFile(path.join(dir, 'main.3.log'), 'utf8')).toBe('round 3');
  });
});
