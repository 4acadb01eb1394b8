/**
 * Telling a real sentence from filler. Deliberately conservative: a short
 * but real answer ("reboot fixed nothing") must pass, because a handoff
 * dialog that refuses honest notes teaches agents to type junk.
 */

/** Lowercase, accents and punctuation removed, whitespace collapsed. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export const wordsOf = (text: string): string[] => normalizeText(text).split(' ').filter(Boolean);

const PLACEHOLDERS = new Set([
  'na', 'n a', 'none', 'tbd', 'tba', 'todo', 'to do', 'see above', 'see below', 'as above', 'same as above', 'same',
  'see ticket', 'see notes', 'asdf', 'asdfgh', 'asdfghjkl', 'qwerty', 'test', 'testing', 'xxx', 'x', 'idk', 'dunno',
  'blah', 'blah blah', 'foo', 'bar', 'foo bar', 'nothing', 'nil', 'null', 'etc', 'ok', 'okay', 'done', 'fixed', 'yes', 'no',
  'check', 'checked', 'various', 'stuff', 'misc', 'unknown', 'pending', 'later', 'placeholder',
]);

const KEYBOARD_RUNS = ['asdf', 'sdfg', 'dfgh', 'fghj', 'ghjk', 'hjkl', 'qwer', 'wert', 'erty', 'rtyu', 'tyui', 'yuio', 'zxcv', 'xcvb', 'cvbn'];

/** Why `text` is filler rather than content, or null when it reads as content. `minWords` counts real words. */
export function junkReason(text: string, minWords: number): string | null {
  const normalized = normalizeText(text);
  if (!normalized) return 'is empty';
  if (PLACEHOLDERS.has(normalized)) return `"${text.trim()}" is a placeholder, not an answer`;
  if (/lorem ipsum|dolor sit amet/.test(normalized)) return 'is placeholder text (lorem ipsum)';
  if (/(.)\1{3,}/u.test(normalized.replace(/ /g, ''))) return 'is mostly one repeated character';
  const words = normalized.split(' ');
  if (KEYBOARD_RUNS.some((run) => words.some((w) => w.includes(run)))) return 'looks like keyboard mashing';
  const letters = normalized.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 6 && new Set(letters).size <= 2) return 'is mostly one repeated character';
  const wordy = words.filter((w) => w.length >= 4);
  if (wordy.length >= 2 && wordy.filter((w) => !/[aeiouy\d]/.test(w)).length * 2 > wordy.length) return 'looks like keyboard mashing';
  if (words.length < minWords) return `is too short: write at least ${minWords} words`;
  return null;
}

/** An explicit "no workaround" answer (as opposed to a blank or "n/a"). */
export function isExplicitNone(text: string): boolean {
  return /^(none|no workaround|none available|no workaround available|no workaround yet|none yet|none found|no workaround found)$/.test(
    normalizeText(text),
  );
}

/**
 * Similarity of two texts, 0–1: Dice coefficient over word pairs of the
 * normalised text, so reordering a sentence or fixing a typo does not
 * make a copied note look new.
 */
export function similarity(a: string, b: string): number {
  const pairs = (text: string) => {
    const w = wordsOf(text);
    const out = new Map<string, number>();
    const grams = w.length < 2 ? w : w.slice(1).map((word, i) => `${w[i]} ${word}`);
    for (const g of grams) out.set(g, (out.get(g) ?? 0) + 1);
    return { out, size: grams.length };
  };
  const x = pairs(a);
  const y = pairs(b);
  if (x.size === 0 && y.size === 0) return 1;
  let shared = 0;
  for (const [gram, count] of x.out) shared += Math.min(count, y.out.get(gram) ?? 0);
  return (2 * shared) / (x.size + y.size);
}
