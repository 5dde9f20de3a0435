// When the side panels fold away: the frame's size in rem, so both the text size setting (a larger
// rem) and the system's zoom (a smaller window in CSS pixels) count.
import { describe, expect, it } from 'vitest';
import { frameSizeFor } from '../../../renderer/shell/panels';

describe('frameSizeFor', () => {
  it('keeps all three columns on a large window at 100%', () => {
    expect(frameSizeFor(1280, 860, 16)).toEqual({ width: 'wide', short: false });
  });

  it('folds the notes at 1024 px, and both panels when the text is larger', () => {
    expect(frameSizeFor(1024, 768, 16)).toEqual({ width: 'medium', short: false });
    // 200% or 300% text: the interface grows to 150% (24 px per rem).
    expect(frameSizeFor(1024, 768, 24)).toEqual({ width: 'narrow', short: true });
    expect(frameSizeFor(1280, 860, 24)).toEqual({ width: 'medium', short: true });
  });

  it('treats 200% system zoom of a 1024x768 window (512x384 CSS px) as narrow and short', () => {
    expect(frameSizeFor(512, 384, 16)).toEqual({ width: 'narrow', short: true });
  });
});
