import { pathsWithForbiddenText } from './text-input';

describe('pathsWithForbiddenText', () => {
  it.each<[string, unknown, string[]]>([
    ['clean object', { title: 'Perceuse', tags: ['a', 'b'], n: 3, ok: true, none: null }, []],
    ['plain string', 'a\u0000b', ['body']],
    ['nested field', { listing: { title: 'x\u0000' } }, ['body.listing.title']],
    ['array item', { tags: ['ok', '\u0000'] }, ['body.tags.1']],
    ['key with NUL', { ['ti\u0000tle']: 'x' }, ['body']],
    ['two fields', { a: '\u0000', b: { c: '\u0000' } }, ['body.a', 'body.b.c']],
    ['escaped text is fine', { a: '\\u0000' }, []],
    ['other control characters are left to the schemas', { a: '\u0001\u001f' }, []],
  ])('should report %s', (_name, value, paths) => {
    expect(pathsWithForbiddenText(value, 'body')).toEqual(paths);
  });

  it('should stop at the limit', () => {
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}`, '\u0000']));
    expect(pathsWithForbiddenText(many, 'body', 5)).toHaveLength(5);
  });

  it('should refuse absurd nesting instead of recursing without end', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100; i++) deep = { d: deep };
    expect(pathsWithForbiddenText(deep, 'body')).toHaveLength(1);
  });
});
