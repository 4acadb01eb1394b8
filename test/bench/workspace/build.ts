import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPage } from '../browser/build';

/** The workspace benchmark page (the real renderer workspace + a driver), into out/bench-workspace. */
export const buildWorkspacePage = () => buildPage(path.dirname(fileURLToPath(import.meta.url)), 'bench-workspace');
