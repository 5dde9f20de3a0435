// The push-event contract: what the renderer accepts from the main process, and the SSE codec the
// web host and the renderer share.
import { describe, expect, it } from 'vitest';
import { BRIDGE_METHODS } from '../../../common/bridge/contract';
import { EVENT_SCHEMAS, parseEventMessage } from '../../../common/bridge/event-schemas';
import { BRIDGE_EVENTS, isBridgeEventName } from '../../../common/bridge/events';
import { encodeSseComment, encodeSseMessage, SseDecoder } from '../../../common/bridge/sse';

const jobId = '0b7a3c2e-1f4d-4a5b-9c6d-7e8f9a0b1c2d';
const running = { jobId, kind: 'import', state: 'running', progress: 0.25, message: 'reading' };

describe('event contract', () => {
  it('has a schema for every event and nothing else', () => {
    expect(Object.keys(EVENT_SCHEMAS).sort()).toEqual([...BRIDGE_EVENTS].sort());
    expect(isBridgeEventName('job')).toBe(true);
    expect(isBridgeEventName('__proto__')).toBe(false);
    expect(isBridgeEventName(42)).toBe(false);
  });

  it('does not let an event name shadow the preload subscription or a method', () => {
    expect(BRIDGE_METHODS as readonly string[]).not.toContain('on');
    expect(BRIDGE_METHODS as readonly string[]).not.toContain('events');
  });

  it.each([
    ['queued', { jobId, kind: 'import', state: 'queued', progress: null }],
    ['running, indeterminate', { ...running, progress: null }],
    ['running', running],
    ['done', { jobId, kind: 'import', state: 'done', progress: 1, result: { documentId: 'a', words: [1, 2] } }],
    ['failed', { jobId, kind: 'import', state: 'failed', progress: 0.4, error: { code: 'failed', message: 'The import job failed: x' } }],
    ['cancelled', { jobId, kind: 'import', state: 'cancelled', progress: 0.4, message: 'Cancelled.' }],
  ])('accepts a well-formed job event: %s', (_name, payload) => {
    expect(parseEventMessage({ name: 'job', payload })).toEqual({ ok: true, message: { name: 'job', payload } });
  });

  it.each([
    ['an unknown event', { name: 'shell', payload: {} }, 'name'],
    ['progress above 1', { name: 'job', payload: { ...running, progress: 1.5 } }, 'payload.progress'],
    ['an unknown state', { name: 'job', payload: { ...running, state: 'paused' } }, 'payload.state'],
    ['an extra field', { name: 'job', payload: { ...running, html: '<b>' } }, 'payload'],
    ['a result before done', { name: 'job', payload: { ...running, result: 1 } }, 'payload.result'],
    ['an error without failing', { name: 'job', payload: { ...running, error: { code: 'failed', message: 'x' } } }, 'payload.error'],
    ['failing without an error', { name: 'job', payload: { ...running, state: 'failed' } }, 'payload.error'],
    ['done short of 1', { name: 'job', payload: { ...running, state: 'done' } }, 'payload.progress'],
    ['a bad job id', { name: 'job', payload: { ...running, jobId: '../x' } }, 'payload.jobId'],
    ['a bad library id', { name: 'library', payload: { documentId: 'A B' } }, 'payload.documentId'],
    ['not an object', 'job', 'message'],
  ])('refuses %s, saying where', (_name, raw, where) => {
    const parsed = parseEventMessage(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem.split(': ')[0]).toBe(where);
  });
});

describe('SSE codec', () => {
  it('round-trips messages and skips comments, however the text is split', () => {
    const text = encodeSseComment('hello') + encodeSseMessage('job', '{"a":1}') + encodeSseComment('keep-alive') + encodeSseMessage('library', '{}');
    for (let size = 1; size <= text.length; size += 1) {
      const decoder = new SseDecoder();
      const out = [];
      for (let at = 0; at < text.length; at += size) out.push(...decoder.push(text.slice(at, at + size)));
      expect(out, `chunks of ${size}`).toEqual([
        { event: 'job', data: '{"a":1}' },
        { event: 'library', data: '{}' },
      ]);
    }
  });

  it('reads CRLF and CR line ends, even a CRLF split across chunks', () => {
    const decoder = new SseDecoder();
    expect(decoder.push('event: job\r')).toEqual([]);
    expect(decoder.push('\ndata: 1\r')).toEqual([]);
    expect(decoder.push('\r')).toEqual([{ event: 'job', data: '1' }]);
    expect(decoder.push('data: 2\r\rdata: 3\r\n\r\n')).toEqual([{ event: 'message', data: '2' }, { event: 'message', data: '3' }]);
  });

  it('ignores a message without data and joins several data lines', () => {
    const decoder = new SseDecoder();
    expect(decoder.push('event: job\n\ndata: a\ndata: b\n\n')).toEqual([{ event: 'message', data: 'a\nb' }]);
  });

  it('refuses to write a field with a line break (it would forge another message)', () => {
    expect(() => encodeSseMessage('job', '1\n\nevent: library')).toThrow(/line break/);
    expect(encodeSseComment('a\nb')).toBe(': a b\n\n');
  });
});
