// The text/event-stream format (the server-sent events wire format of the HTML standard), both
// ways: the web host writes it, the renderer reads it. The renderer reads it itself, not with
// EventSource, because EventSource cannot send the secret in a header (see main/web/server.ts).
// Only what we use: `event:` and `data:` fields, comments; no `id:`/`retry:` (reconnection is ours).

/** One message: its data is one line (JSON never needs a raw newline), so one `data:` field. */
export function encodeSseMessage(event: string, data: string): string {
  if (/[\r\n]/.test(event) || /[\r\n]/.test(data)) throw new Error('an SSE field cannot contain a line break');
  return `event: ${event}\ndata: ${data}\n\n`;
}

/** A comment line: ignored by readers, it keeps the connection from looking idle. */
export function encodeSseComment(text: string): string {
  return `: ${text.replace(/[\r\n]+/g, ' ')}\n\n`;
}

export interface SseMessage {
  event: string;
  data: string;
}

/**
 * Feeds text chunks as they arrive (split anywhere, even inside a line or a CRLF) and returns the
 * messages they complete; the rest waits for the next chunk.
 */
export class SseDecoder {
  private buffer = '';
  private event = '';
  private data: string[] = [];
  private pendingCr = false;

  push(chunk: string): SseMessage[] {
    let text = chunk;
    // A CR at the very end of the last chunk may be the first half of a CRLF.
    // It was already taken as a line end, so a LF that follows it is not a second one.
    if (this.pendingCr && text.startsWith('\n')) text = text.slice(1);
    this.pendingCr = false;
    if (text.endsWith('\r')) {
      this.pendingCr = true;
      text = text.slice(0, -1) + '\n';
    }
    this.buffer += text.replace(/\r\n?/g, '\n');
    const out: SseMessage[] = [];
    let newline: number;
    while ((newline = this.buffer.indexOf('\n')) !== -1) {
      const line = this.buffer.slice(0, newline);
      this.buffer = this.buffer.slice(newline + 1);
      const message = this.line(line);
      if (message) out.push(message);
    }
    return out;
  }

  private line(line: string): SseMessage | null {
    if (line === '') {
      // A blank line ends a message; one without data is nothing (as the standard says).
      const message = this.data.length > 0 ? { event: this.event || 'message', data: this.data.join('\n') } : null;
      this.event = '';
      this.data = [];
      return message;
    }
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    return null;
  }
}
