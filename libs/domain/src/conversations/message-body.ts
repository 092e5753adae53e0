/** ASCII control characters except tab (\x09) and line feed (\x0A); DEL (\x7F) included. */
const CONTROL = /[\x00-\x08\x0B-\x1F\x7F]/g;

/** A newline followed by three or more blank (or whitespace-only) lines. */
const TOO_MANY_BLANK_LINES = /\n(?:[ \t]*\n){3,}/g;

/**
 * The plain text stored for a chat message: line endings normalised to `\n`, ASCII control
 * characters removed (tab and newline kept), runs of more than two blank lines collapsed to two,
 * surrounding whitespace trimmed. An empty result means there was nothing to say. Messages are
 * stored and rendered as text, never as HTML, so no markup is escaped or removed here.
 */
export function sanitizeMessageBody(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .replace(TOO_MANY_BLANK_LINES, '\n\n\n')
    .trim();
}
