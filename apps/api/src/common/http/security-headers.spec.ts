import { contentSecurityDirectives, tileImageSource } from './security-headers';

describe(tileImageSource.name, () => {
  it.each([
    ['https://tile.openstreetmap.org/{z}/{x}/{y}.png', 'https://tile.openstreetmap.org'],
    ['https://{s}.tile.example.fr/{z}/{x}/{y}.png', 'https://*.tile.example.fr'],
    ['http://127.0.0.1:8081/tiles/{z}/{x}/{y}.png', 'http://127.0.0.1:8081'],
    ['HTTPS://Tiles.Example.COM/{z}/{x}/{y}.png?key=abc', 'https://tiles.example.com'],
    ['/tiles/{z}/{x}/{y}.png', null],
    ['javascript:alert(1)', null],
    ["https://evil.example'; script-src *", null],
    ['https://a b.example/{z}', null],
  ])('should allow images of %s from %s', (url, source) => {
    expect(tileImageSource(url)).toBe(source);
  });
});

describe(contentSecurityDirectives.name, () => {
  const tiles = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

  it('should keep scripts and styles to the origin, never framed, tiles and inline images allowed', () => {
    const d = contentSecurityDirectives(tiles, 'app');
    expect([...d['script-src']!]).toEqual(["'self'"]);
    expect([...d['style-src']!]).toEqual(["'self'"]);
    expect([...d['frame-ancestors']!]).toEqual(["'none'"]);
    expect([...d['object-src']!]).toEqual(["'none'"]);
    expect([...d['img-src']!]).toEqual([
      "'self'",
      'data:',
      'blob:',
      'https://tile.openstreetmap.org',
    ]);
  });

  it('should allow inline styles on the OpenAPI page only', () => {
    expect([...contentSecurityDirectives(tiles, 'docs')['style-src']!]).toContain(
      "'unsafe-inline'",
    );
    expect([...contentSecurityDirectives(tiles, 'app')['style-src']!]).not.toContain(
      "'unsafe-inline'",
    );
  });
});
