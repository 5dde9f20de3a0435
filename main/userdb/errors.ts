// Why the user database cannot be used, as a code the callers test (never its English message).
import { BridgeError } from '../../common/bridge/contract';

export type UnavailableReason = 'busy' | 'newer' | 'cannot-create' | 'closed';

/**
 * A database another process holds, one written by a newer Mitlesen, or a folder where none can be
 * made: not damaged, so it must not be moved aside; notes and cards are unavailable until it is
 * resolved. Crosses the bridge as code 'unavailable'.
 */
export class DatabaseUnavailableError extends BridgeError {
  constructor(
    readonly reason: UnavailableReason,
    message: string,
  ) {
    super('unavailable', message);
    this.name = 'DatabaseUnavailableError';
  }
}
