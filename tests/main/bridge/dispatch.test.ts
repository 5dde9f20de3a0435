import { describe, expect, it, vi } from 'vitest';
import { BridgeError } from '../../../common/bridge/contract';
import { dispatch, type BridgeHandlers } from '../../../main/bridge/dispatch';

function handlersWith(overrides: Partial<Record<string, (arg: unknown) => unknown>>): BridgeHandlers {
  return overrides as unknown as BridgeHandlers;
}

describe('dispatch', () => {
  it('passes a valid argument to the handler and wraps its value', async () => {
    const loadDocument = vi.fn(async () => ({ edition: 'e' }));
    const result = await dispatch(handlersWith({ loadDocument }), 'loadDocument', { documentId: 'china-sieht-alles' });
    expect(loadDocument).toHaveBeenCalledWith({ documentId: 'china-sieht-alles' });
    expect(result).toEqual({ ok: true, value: { edition: 'e' } });
  });

  it('rejects an invalid argument with a message naming the field, without calling the handler', async () => {
    const loadDocument = vi.fn();
    const result = await dispatch(handlersWith({ loadDocument }), 'loadDocument', { documentId: '../../../etc' });
    expect(loadDocument).not.toHaveBeenCalled();
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-argument', message: 'loadDocument: documentId: a document id is 1-64 characters a-z, 0-9 or -' },
    });
  });

  it('rejects extra keys and arguments to calls that take none', async () => {
    const extra = await dispatch(handlersWith({}), 'loadDocument', { documentId: 'a', sneaky: 1 });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const none = await dispatch(handlersWith({}), 'getAppInfo', { any: 1 });
    expect(none).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: 'getAppInfo: argument: this call takes no argument' } });
  });

  it('refuses unknown methods, including inherited names', async () => {
    for (const name of ['nope', '__proto__', 'constructor', 'toString']) {
      expect(await dispatch(handlersWith({}), name, undefined)).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    }
  });

  it('turns a failing handler into an error envelope and logs it', async () => {
    const log = vi.fn();
    const crash = await dispatch(handlersWith({ getAppInfo: () => { throw new Error('disk on fire'); } }), 'getAppInfo', undefined, log);
    expect(crash).toEqual({ ok: false, error: { code: 'failed', message: 'getAppInfo failed: disk on fire' } });
    expect(log).toHaveBeenCalledOnce();
    const known = await dispatch(handlersWith({ getAppInfo: () => { throw new BridgeError('not-found', 'No such thing.'); } }), 'getAppInfo', undefined, log);
    expect(known).toEqual({ ok: false, error: { code: 'not-found', message: 'No such thing.' } });
  });
});
