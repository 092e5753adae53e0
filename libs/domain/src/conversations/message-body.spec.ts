import { sanitizeMessageBody } from './message-body';

describe(sanitizeMessageBody.name, () => {
  it.each([
    ['plain text', 'Bonjour !', 'Bonjour !'],
    ['surrounding whitespace', '  \n\tBonjour\n  ', 'Bonjour'],
    ['control characters', 'Bon\u0000jo\u0007ur\u001b[31m\u007f', 'Bonjour[31m'],
    ['tabs and newlines inside', 'a\tb\nc', 'a\tb\nc'],
    ['Windows and old Mac line endings', 'a\r\nb\rc', 'a\nb\nc'],
    ['two blank lines (kept)', 'a\n\n\nb', 'a\n\n\nb'],
    ['three blank lines', 'a\n\n\n\nb', 'a\n\n\nb'],
    ['many whitespace-only lines', 'a\n \n\t\n  \n\n\nb', 'a\n\n\nb'],
    ['markup (kept: rendered as text)', '<b>hi</b>', '<b>hi</b>'],
    ['accents and emoji', 'Ça roule 🚲', 'Ça roule 🚲'],
    ['nothing but control characters', '\u0001\u0002\u0003', ''],
    ['nothing but whitespace', ' \n\t\r\n ', ''],
  ])('should sanitize %s', (_name, raw, expected) => {
    expect(sanitizeMessageBody(raw)).toBe(expected);
  });
});
