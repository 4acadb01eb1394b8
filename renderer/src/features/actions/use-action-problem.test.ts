import { describe, expect, test } from 'vitest';
import { withoutFields } from './use-action-problem';

const problem = {
  message: 'Some fields need fixing; nothing was saved yet and your text is kept.',
  fields: [
    { field: 'resolution', message: 'The resolution is empty' },
    { field: 'kbDraft.title', message: 'The article needs a title' },
    { field: 'steps[0].action', message: 'What was tried is empty' },
  ],
};

describe('withoutFields', () => {
  test('drops the edited field, its nested fields and indexed entries, and keeps the rest', () => {
    expect(withoutFields(problem, ['kbDraft'])!.fields.map((f) => f.field)).toEqual(['resolution', 'steps[0].action']);
    expect(withoutFields(problem, ['steps'])!.fields.map((f) => f.field)).toEqual(['resolution', 'kbDraft.title']);
    expect(withoutFields(problem, ['kbDraftTitle'])).toBe(problem);
  });

  test('with no field error left the whole problem goes; a problem about no field stays', () => {
    expect(withoutFields(problem, ['resolution', 'kbDraft', 'steps'])).toBeNull();
    const conflict = { message: 'INC-000042 was already escalated', code: 'conflict', fields: [] };
    expect(withoutFields(conflict, ['reason'])).toBe(conflict);
  });
});
