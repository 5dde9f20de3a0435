import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReadingPosition } from '../../../common/bridge/contract';
import { PositionSaver } from '../../../renderer/player/persistence';
import { Emitter } from '../../../renderer/ui/emitter';
import { formatRate, formatTime, speakTime } from '../../../renderer/ui/format';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('PositionSaver', () => {
  const at = (time: number): ReadingPosition => ({ documentId: 'doc', sentenceId: 's001', time, lang: 'de' });

  it('saves every few seconds while playing, once more on pause, and never the same place twice', async () => {
    let time = 1;
    const saved: number[] = [];
    const saver = new PositionSaver(() => at(time), async (p) => saved.push(p.time), 2000);
    saver.setPlaying(true);
    await vi.advanceTimersByTimeAsync(2000);
    time = 3;
    await vi.advanceTimersByTimeAsync(2000);
    await vi.advanceTimersByTimeAsync(2000); // same place: not saved again
    time = 3.5;
    saver.setPlaying(false);
    await vi.runAllTimersAsync();
    expect(saved).toEqual([1, 3, 3.5]);
  });

  it('saves once after a burst of seeks has settled', async () => {
    let time = 0;
    const saved: number[] = [];
    const saver = new PositionSaver(() => at(time), async (p) => saved.push(p.time));
    for (time = 1; time <= 5; time++) saver.saveSoon();
    await vi.advanceTimersByTimeAsync(299);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual([6]);
  });
});

describe('Emitter and formats', () => {
  it('unsubscribes with what on() returned', () => {
    const emitter = new Emitter<{ tick: [n: number] }>();
    const seen: number[] = [];
    const off = emitter.on('tick', (n) => seen.push(n));
    emitter.emit('tick', 1);
    off();
    emitter.emit('tick', 2);
    expect(seen).toEqual([1]);
  });

  it('writes and speaks times', () => {
    expect(formatTime(75.4)).toBe('1:15');
    expect(formatTime(3725)).toBe('1:02:05');
    expect(formatTime(Number.NaN)).toBe('0:00');
    expect(speakTime(61)).toBe('1 minute 1 second');
    expect(speakTime(0)).toBe('0 seconds');
    expect(formatRate(1.5)).toBe('1.5×');
  });
});
