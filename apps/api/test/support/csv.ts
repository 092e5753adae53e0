/**
 * A strict RFC 4180 parser for tests: quoted fields with doubled quotes, CRLF records; a stray
 * quote or an unterminated field throws, so a badly escaped file fails the test.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let fieldStarted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const next = text[i];
        if (next !== undefined && next !== ',' && next !== '\r') {
          throw new Error(`CSV: character after a closing quote at ${i}`);
        }
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (fieldStarted) throw new Error(`CSV: quote inside an unquoted field at ${i}`);
      quoted = true;
      fieldStarted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      fieldStarted = false;
      i++;
    } else if (c === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`CSV: CR without LF at ${i}`);
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStarted = false;
      i += 2;
    } else if (c === '\n') {
      throw new Error(`CSV: bare LF at ${i} (records end with CRLF)`);
    } else {
      field += c;
      fieldStarted = true;
      i++;
    }
  }
  if (quoted) throw new Error('CSV: unterminated quoted field');
  if (fieldStarted || row.length > 0) throw new Error('CSV: the last record has no CRLF');
  return rows;
}
