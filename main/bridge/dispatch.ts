// The one place a bridge call from outside enters the main process, whichever host carried it
// (Electron IPC or the browser-mode HTTP host): unknown method, bad argument or a failing handler
// all come back as an error envelope, never as a crash of the main process.
import {
  BridgeError,
  isBridgeMethod,
  type BridgeArg,
  type BridgeEnvelope,
  type BridgeMethod,
  type BridgeResult,
} from '../../common/bridge/contract';
import { BRIDGE_SCHEMAS, describeIssues } from '../../common/bridge/schemas';

export type BridgeHandlers = {
  [M in BridgeMethod]: (arg: BridgeArg<M>) => Promise<BridgeResult<M>> | BridgeResult<M>;
};

export type Logger = (message: string, error?: unknown) => void;

export async function dispatch(
  handlers: BridgeHandlers,
  method: string,
  rawArg: unknown,
  log: Logger = (message, error) => console.error(message, error),
): Promise<BridgeEnvelope<unknown>> {
  if (!isBridgeMethod(method)) {
    return { ok: false, error: { code: 'unknown-method', message: `There is no bridge method "${String(method).slice(0, 80)}".` } };
  }
  const parsed = BRIDGE_SCHEMAS[method].safeParse(rawArg);
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'invalid-argument', message: `${method}: ${describeIssues(parsed.error)}` },
    };
  }
  try {
    const handler = handlers[method] as (arg: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value: value === undefined ? null : value };
  } catch (error) {
    if (error instanceof BridgeError) return { ok: false, error: { code: error.code, message: error.message } };
    log(`bridge: ${method} failed`, error);
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'failed', message: `${method} failed: ${detail}` } };
  }
}
