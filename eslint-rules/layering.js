// Layering rule: which top-level folder may import which (see STYLE.md).
// Relative imports are resolved against the importing file, so
// `../../server/db` is caught wherever it is written; bare specifiers are
// checked against per-layer lists (Node built-ins, electron, UI libraries).
import { builtinModules } from 'node:module';
import path from 'node:path';

const LAYERS = ['shared', 'server', 'electron', 'renderer'];

/** layer -> folders it must never reach */
const FORBIDDEN_LAYERS = {
  shared: ['server', 'electron', 'renderer', 'scripts', 'test'],
  server: ['electron', 'renderer'],
  electron: ['renderer', 'server'],
  renderer: ['electron', 'server'],
};

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const UI_PACKAGES = ['react', 'react-dom', 'dexie', 'dexie-react-hooks', 'zustand', '@tanstack/react-virtual'];
const SERVER_PACKAGES = ['fastify', 'better-sqlite3', 'kysely', 'pg', 'nodemailer'];

/** layer -> predicate over bare specifiers that the layer must not import */
const FORBIDDEN_PACKAGES = {
  shared: (spec) =>
    NODE_BUILTINS.has(spec) ||
    spec === 'electron' ||
    matchesPackage(spec, [...UI_PACKAGES, ...SERVER_PACKAGES, 'electron-log', 'electron-updater']),
  renderer: (spec) =>
    NODE_BUILTINS.has(spec) || spec === 'electron' || matchesPackage(spec, SERVER_PACKAGES),
  server: (spec) => spec === 'electron' || matchesPackage(spec, UI_PACKAGES),
  electron: (spec) => matchesPackage(spec, [...UI_PACKAGES, ...SERVER_PACKAGES]),
};

function matchesPackage(spec, names) {
  return names.some((name) => spec === name || spec.startsWith(`${name}/`));
}

function layerOf(file, root) {
  const rel = path.relative(root, file).split(path.sep);
  return rel[0] && rel[0] !== '..' ? rel[0] : undefined;
}

export const layeringRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the shared/server/electron/renderer import layers' },
    schema: [],
    messages: {
      layer: "'{{from}}/' must not import from '{{to}}/' ({{spec}}).",
      pkg: "'{{from}}/' must not import '{{spec}}'.",
    },
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const from = layerOf(file, root);
    if (!from || !LAYERS.includes(from)) return {};

    function check(node, spec) {
      if (typeof spec !== 'string') return;
      if (spec.startsWith('.') || spec.startsWith('/')) {
        const target = path.resolve(path.dirname(file), spec);
        const to = layerOf(target, root);
        if (to && FORBIDDEN_LAYERS[from].includes(to)) {
          context.report({ node, messageId: 'layer', data: { from, to, spec } });
        }
        return;
      }
      if (FORBIDDEN_PACKAGES[from](spec)) {
        context.report({ node, messageId: 'pkg', data: { from, spec } });
      }
    }

    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') {
          const arg = node.arguments[0];
          if (arg && arg.type === 'Literal') check(arg, arg.value);
        }
      },
    };
  },
};

export default { rules: { layering: layeringRule } };
