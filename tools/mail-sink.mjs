// Local SMTP sink for development (`npm start` runs it next to the API and the worker): accepts
// every message on 127.0.0.1:2525, writes each to .local/dev/mail/<timestamp>.eml and prints one
// line per message. Nothing is relayed anywhere.
//
//   node tools/mail-sink.mjs            MAIL_SINK_PORT (2525) and MAIL_SINK_DIR (.local/dev/mail)
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const port = Number(process.env.MAIL_SINK_PORT ?? 2525);
const dir = process.env.MAIL_SINK_DIR ?? path.join(root, '.local/dev/mail');
const log = (msg) => process.stderr.write(`[mail] ${msg}\n`);

/** Unfolded header lines of a raw message, by lower-case name. */
function headers(raw) {
  const end = raw.search(/\r?\n\r?\n/);
  const head = (end === -1 ? raw : raw.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const out = new Map();
  for (const line of head.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) out.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return out;
}

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`) to text. */
function decodeWords(value) {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_m, _charset, enc, text) => {
      if (enc.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('utf8');
      const bytes = text
        .replace(/_/g, ' ')
        .replace(/=([0-9A-Fa-f]{2})/g, (_h, hex) => String.fromCharCode(parseInt(hex, 16)));
      return Buffer.from(bytes, 'latin1').toString('utf8');
    });
}

mkdirSync(dir, { recursive: true });
let counter = 0;

const server = new SMTPServer({
  banner: 'Partagora development mail sink',
  disabledCommands: ['STARTTLS'],
  authOptional: true,
  allowInsecureAuth: true,
  onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'dev' }),
  size: 10 * 1024 * 1024,
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('error', callback);
    stream.on('end', () => {
      try {
        const raw = Buffer.concat(chunks);
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        const file = path.join(dir, `${stamp}-${String(counter++).padStart(4, '0')}.eml`);
        writeFileSync(file, raw);
        const h = headers(raw.toString('utf8'));
        const to = session.envelope.rcptTo.map((r) => r.address).join(', ');
        const subject = decodeWords(h.get('subject') ?? '');
        log(`to=${to} subject="${subject}" → ${path.relative(process.cwd(), file)}`);
        callback();
      } catch (err) {
        callback(err);
      }
    });
  },
});

server.on('error', (err) => {
  if (err.code === 'EADDRINUSE') {
    log(`port ${port} is taken (another sink already running?): not starting`);
    process.exit(0);
  }
  log(`error: ${err.message}`);
});
server.listen(port, '127.0.0.1', () => log(`SMTP sink on 127.0.0.1:${port}, messages in ${dir}`));

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
