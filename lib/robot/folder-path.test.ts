import { describe, expect, it } from 'vitest';
import { parseFolderPath } from './folder-path';
import { sameFolderPath } from './same-folder-path';

describe('folder paths', () => {
  it('recognises well-known names by id or display name, and paths below them', () => {
    expect(parseFolderPath('Inbox')).toEqual({ wellKnown: 'inbox', segments: ['Inbox'] });
    expect(parseFolderPath('sent items')).toEqual({ wellKnown: 'sentitems', segments: ['sent items'] });
    expect(parseFolderPath(' Inbox / Orders /')).toEqual({ wellKnown: 'inbox', segments: ['Inbox', 'Orders'] });
    expect(parseFolderPath('Processed')).toEqual({ wellKnown: null, segments: ['Processed'] });
    expect(parseFolderPath('')).toEqual({ wellKnown: 'inbox', segments: ['Inbox'] });
  });

  it('compares two spellings of one folder', () => {
    expect(sameFolderPath('inbox', 'Inbox/')).toBe(true);
    expect(sameFolderPath('Sent Items', 'sentitems')).toBe(true);
    expect(sameFolderPath('Inbox/Orders', 'inbox/orders')).toBe(true);
    expect(sameFolderPath('Inbox/Orders', 'Inbox')).toBe(false);
    expect(sameFolderPath('Processed', 'Inbox')).toBe(false);
  });
});
