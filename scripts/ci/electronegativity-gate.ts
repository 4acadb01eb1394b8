import { z } from 'zod';
import { parseWith } from '../../shared/errors';

/**
 * The CI gate over electronegativity's findings: every HIGH or MEDIUM
 * finding must be justified in build/electronegativity-justifications.json,
 * and every justification must still match a finding (a stale one hides
 * nothing, but it would hide the next real finding of its kind). Findings
 * are matched by check, file and a piece of the flagged code, never by line
 * number, so unrelated edits do not break the gate.
 */
export const GATED_SEVERITIES = ['HIGH', 'MEDIUM'] as const;

export type Finding = { check: string; severity: string; confidence: string; file: string; line: number; sample: string };

export const JustificationSchema = z
  .object({
    check: z.string().regex(/^[A-Z_]+$/, 'must be an electronegativity check id such as OPEN_EXTERNAL_JS_CHECK'),
    file: z.string().min(1),
    /** A piece of the flagged code, as the scanner reports it. */
    sample: z.string().min(8),
    reason: z.string().min(40, 'say why this is safe, in a sentence or two'),
    /** Where the safety is enforced and tested. */
    evidence: z.array(z.string().min(1)).min(1),
  })
  .strict();
export type Justification = z.infer<typeof JustificationSchema>;

export const JustificationFileSchema = z.object({ version: z.literal(1), justifications: z.array(JustificationSchema) }).strict();
export type JustificationFile = z.infer<typeof JustificationFileSchema>;
export const parseJustificationFile = (input: unknown): JustificationFile => parseWith(JustificationFileSchema, input, 'electronegativity justifications');

const matches = (j: Justification, f: Finding) => j.check === f.check && j.file === f.file && f.sample.includes(j.sample);

export type GateResult = { gated: Finding[]; unjustified: Finding[]; unused: Justification[] };

export function gateFindings(findings: readonly Finding[], justifications: readonly Justification[]): GateResult {
  const gated = findings.filter((f) => (GATED_SEVERITIES as readonly string[]).includes(f.severity));
  return {
    gated,
    unjustified: gated.filter((f) => !justifications.some((j) => matches(j, f))),
    unused: justifications.filter((j) => !gated.some((f) => matches(j, f))),
  };
}
