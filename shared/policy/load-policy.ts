import { parseDocument } from 'yaml';
import { ValidationError } from '../errors';
import { parsePolicy, type Policy } from './schema';

export type PolicyFormat = 'json' | 'yaml';

/**
 * Reads a policy file's text (JSON or YAML) through the one validator. The
 * caller reads the file (fs in the server, a file picker in the renderer) so
 * this stays pure. Syntax errors name the line and column; schema errors
 * name the path (`tiers[2].acceptWithin`).
 */
export function loadPolicyText(text: string, format: PolicyFormat = sniff(text)): Policy {
  return parsePolicy(readPolicyDocument(text, format));
}

/** The file's document as written (not yet validated): what is stored and sent, so a durations like "1h" stay as typed. */
export function readPolicyDocument(text: string, format: PolicyFormat = sniff(text)): unknown {
  return format === 'json' ? parseJson(text) : parseYaml(text);
}

function sniff(text: string): PolicyFormat {
  return text.trimStart().startsWith('{') ? 'json' : 'yaml';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ValidationError('policy', [{ field: '', message: `not valid JSON: ${(error as Error).message}` }]);
  }
}

function parseYaml(text: string): unknown {
  // Duplicate keys are errors (yaml's default), so a repeated "P1:" cannot silently win.
  const doc = parseDocument(text);
  if (doc.errors.length) {
    throw new ValidationError(
      'policy',
      doc.errors.map((e) => {
        const where = e.linePos?.[0];
        const reason = e.message.split('\n')[0] ?? e.message;
        return { field: '', message: `not valid YAML${where ? ` at line ${where.line}, column ${where.col}` : ''}: ${reason}` };
      }),
    );
  }
  return doc.toJS() as unknown;
}
