import { printable } from '../lib/printable.js';

describe('printable (what the emulator writes to its terminal)', () => {
  it('shows control characters and escape sequences instead of sending them', () => {
    expect(printable('name\u001b]0;owned\u0007.txt')).toBe('name\\x1b]0;owned\\x07.txt');
    expect(printable('a\u009bb\u2028c\rd')).toBe('a\\x9bb\\u2028c\\x0dd');
  });

  it('keeps text, newlines and tabs as they are', () => {
    const stack = 'Error: boom\n    at handler (file.ts:1:2)\tü 漢字';
    expect(printable(stack)).toBe(stack);
  });
});
