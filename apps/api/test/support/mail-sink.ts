import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message the sink accepted, with what tests look at. */
export interface SunkMail {
  /** Envelope recipients. */
  to: string[];
  /** Unfolded headers by lower-case name (encoded words decoded). */
  headers: Map<string, string>;
  subject: string;
  /** The text/plain part, transfer encoding undone. */
  text: string;
  /** The text/html part, transfer encoding undone. */
  html: string;
  raw: string;
}

export interface MailSink {
  /** `smtp://127.0.0.1:<port>`, for `SMTP_URL`. */
  url: string;
  messages: SunkMail[];
  /** Messages whose envelope includes `address`. */
  to(address: string): SunkMail[];
  /** Refuses the next `n` messages with a temporary error (451), as a struggling server would. */
  rejectNext(n: number): void;
  /** How many messages were refused so far. */
  rejected(): number;
  /** Waits until `predicate` holds over the messages (polling), or throws after `timeoutMs`. */
  waitFor(predicate: (messages: SunkMail[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

function splitHead(raw: string): { head: string; body: string } {
  const m = /\r?\n\r?\n/.exec(raw);
  return m
    ? { head: raw.slice(0, m.index), body: raw.slice(m.index + m[0].length) }
    : { head: raw, body: '' };
}

function parseHeaders(head: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0)
      out.set(line.slice(0, i).trim().toLowerCase(), decodeWords(line.slice(i + 1).trim()));
  }
  return out;
}

/** RFC 2047 encoded words to text. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_m, _charset, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}

function decodeQuotedPrintable(s: string): string {
  const bytes = s
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '').toLowerCase()) {
    case 'quoted-printable':
      return decodeQuotedPrintable(body);
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    default:
      return body;
  }
}

/** The decoded text/plain and text/html parts of a (possibly multipart) message. */
function parts(headers: Map<string, string>, body: string): { text: string; html: string } {
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!type.toLowerCase().startsWith('multipart/') || !boundary) {
    const decoded = decodeBody(body, headers.get('content-transfer-encoding'));
    return type.toLowerCase().startsWith('text/html')
      ? { text: '', html: decoded }
      : { text: decoded, html: '' };
  }
  const out = { text: '', html: '' };
  for (const chunk of body.split(`--${boundary}`).slice(1)) {
    if (chunk.startsWith('--')) break;
    const { head, body: partBody } = splitHead(chunk.replace(/^\r?\n/, ''));
    const h = parseHeaders(head);
    const inner = parts(h, partBody.replace(/\r?\n$/, ''));
    out.text ||= inner.text;
    out.html ||= inner.html;
  }
  return out;
}

export function parseMail(raw: string, to: string[]): SunkMail {
  const { head, body } = splitHead(raw);
  const headers = parseHeaders(head);
  return { to, headers, subject: headers.get('subject') ?? '', ...parts(headers, body), raw };
}

/** An in-process SMTP server on a free port that keeps every message it accepts. */
export async function startMailSink(): Promise<MailSink> {
  const messages: SunkMail[] = [];
  let rejecting = 0;
  let rejected = 0;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (rejecting > 0) {
          rejecting -= 1;
          rejected += 1;
          const err = Object.assign(new Error('Temporary failure, try again later'), {
            responseCode: 451,
          });
          callback(err);
          return;
        }
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        messages.push(parseMail(Buffer.concat(chunks).toString('utf8'), to));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    to: (address) => messages.filter((m) => m.to.includes(address.toLowerCase())),
    rejectNext: (n) => {
      rejecting = n;
    },
    rejected: () => rejected,
    async waitFor(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(messages)) {
        if (Date.now() > deadline) {
          throw new Error(
            `mail sink: condition not met after ${timeoutMs} ms (${messages.length} message(s): ${messages
              .map((m) => `${m.to.join(',')} "${m.subject}"`)
              .join('; ')})`,
          );
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
