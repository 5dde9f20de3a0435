// Which document the app opens at start.
import { describe, expect, it } from 'vitest';
import { startDocument } from '../../../renderer/app/start-document';

const doc = (id: string, more: Partial<{ kind: 'bundled' | 'own'; status: 'ready' | 'importing' | 'failed'; lastOpenedAt: string | null }> = {}) => ({
  id,
  kind: 'own' as const,
  status: 'ready' as const,
  lastOpenedAt: null,
  ...more,
});

describe('startDocument', () => {
  it('opens the bundled interview on a first start, even when it is not listed first', () => {
    expect(startDocument([doc('a-book'), doc('china-sieht-alles', { kind: 'bundled' })])).toBe('china-sieht-alles');
  });

  it('reopens the document opened last', () => {
    const list = [
      doc('china-sieht-alles', { kind: 'bundled', lastOpenedAt: '2026-12-01T10:00:00.000Z' }),
      doc('a-book', { lastOpenedAt: '2026-12-02T09:00:00.000Z' }),
      doc('a-lecture', { lastOpenedAt: '2026-11-30T09:00:00.000Z' }),
    ];
    expect(startDocument(list)).toBe('a-book');
  });

  it('passes over a last document that can no longer open, and opens nothing when nothing can', () => {
    const list = [doc('china-sieht-alles', { kind: 'bundled' }), doc('a-book', { status: 'failed', lastOpenedAt: '2026-12-02T09:00:00.000Z' })];
    expect(startDocument(list)).toBe('china-sieht-alles');
    expect(startDocument([doc('x', { status: 'importing' })])).toBeNull();
    expect(startDocument([])).toBeNull();
  });
});
