import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: repo });

async function layeringErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repo, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'tierdesk/layering').map((m) => m.message);
}

describe('layering lint rule', () => {
  test.each([
    ['shared/sla/x.ts', "import { buildApp } from '../../server/app';\nexport const x = buildApp;", /shared\/' must not import from 'server\//],
    ['shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;", /must not import 'node:fs'/],
    ['shared/x.ts', "import { app } from 'electron';\nexport const x = app;", /must not import 'electron'/],
    ['shared/x.ts', "import { useState } from 'react';\nexport const x = useState;", /must not import 'react'/],
    ['renderer/src/x.ts', "import { createWindow } from '../../electron/main/window';\nexport const x = createWindow;", /renderer\/' must not import from 'electron\//],
    ['renderer/src/x.ts', "import { buildApp } from '../../server/app';\nexport const x = buildApp;", /must not import from 'server\//],
    ['renderer/src/x.ts', "import fs from 'fs';\nexport const x = fs;", /must not import 'fs'/],
    ['server/x.ts', "import { App } from '../renderer/src/app/App';\nexport const x = App;", /server\/' must not import from 'renderer\//],
    ['server/x.ts', "export const x = () => import('../electron/main/index');", /server\/' must not import from 'electron\//],
    ['electron/main/x.ts', "export { App } from '../../renderer/src/app/App';", /electron\/' must not import from 'renderer\//],
  ])('refuses %s importing across layers', async (file, code, message) => {
    const errors = await layeringErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  test.each([
    ['renderer/src/x.ts', "import { parseTicket } from '../../shared/model/ticket';\nexport const x = parseTicket;"],
    ['server/x.ts', "import { parseTicket } from '../shared/model/ticket';\nimport path from 'node:path';\nexport const x = [parseTicket, path];"],
    ['electron/main/x.ts', "import { invokeChannels } from '../../shared/ipc/contract';\nexport const x = invokeChannels;"],
    ['shared/x.ts', "import { z } from 'zod';\nexport const x = z;"],
  ])('allows %s to import what its layer may', async (file, code) => {
    expect(await layeringErrors(file, code)).toEqual([]);
  });
});
