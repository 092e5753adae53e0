import { assertCanBlock, assertNotBlocked } from './block-rules';

describe(assertNotBlocked.name, () => {
  it.each([
    [false, null],
    [true, 'BLOCKED'],
  ])('blocked %s → %s', (blocked, code) => {
    if (code === null) expect(() => assertNotBlocked(blocked)).not.toThrow();
    else expect(() => assertNotBlocked(blocked)).toThrow(expect.objectContaining({ code }));
  });
});

describe(assertCanBlock.name, () => {
  it('should refuse to block oneself and allow anyone else', () => {
    expect(() => assertCanBlock('a', 'a')).toThrow(
      expect.objectContaining({ code: 'CANNOT_BLOCK_SELF' }),
    );
    expect(() => assertCanBlock('a', 'b')).not.toThrow();
  });
});
