import { loginSchema, registerSchema } from './auth.schema';
import { PASSWORD_MAX, PASSWORD_MIN } from './password-rule';

const validRegister = {
  email: 'Camille.Martin@Example.FR',
  password: 'correct horse battery',
  displayName: 'Camille',
  municipality: 'dinan',
  home: { lat: 48.4556, lng: -2.0503 },
};

function issuesOf(result: {
  success: boolean;
  error?: { issues: readonly { path: PropertyKey[]; code: string }[] };
}) {
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((i) => ({
    path: i.path.join('.'),
    code: i.code,
  }));
}

describe('registerSchema', () => {
  it('should lowercase the e-mail and keep the rest', () => {
    expect(registerSchema.parse(validRegister)).toEqual({
      ...validRegister,
      email: 'camille.martin@example.fr',
    });
  });

  it('should trim the display name and the municipality', () => {
    const parsed = registerSchema.parse({
      ...validRegister,
      displayName: '  Camille  ',
      municipality: ' dinan ',
      locale: 'en',
    });
    expect(parsed).toMatchObject({
      displayName: 'Camille',
      municipality: 'dinan',
      locale: 'en',
    });
  });

  it.each([PASSWORD_MIN, PASSWORD_MAX])('should accept a %d-character password', (length) => {
    expect(
      registerSchema.safeParse({
        ...validRegister,
        password: 'p'.repeat(length),
      }).success,
    ).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a short password', { password: 'p'.repeat(PASSWORD_MIN - 1) }, 'password', 'too_small'],
    ['a long password', { password: 'p'.repeat(PASSWORD_MAX + 1) }, 'password', 'too_big'],
    ['an invalid e-mail', { email: 'camille@' }, 'email', 'invalid_format'],
    ['a home lat out of range', { home: { lat: 91, lng: -2 } }, 'home.lat', 'too_big'],
    ['a home lng out of range', { home: { lat: 48, lng: -181 } }, 'home.lng', 'too_small'],
    ['a home as [lat, lng]', { home: [48.4556, -2.0503] }, 'home', 'invalid_type'],
    ['a home with string numbers', { home: { lat: '48', lng: '-2' } }, 'home.lat', 'invalid_type'],
    ['a one-letter display name', { displayName: ' C ' }, 'displayName', 'too_small'],
    ['an empty municipality', { municipality: '  ' }, 'municipality', 'too_small'],
    ['an unknown locale', { locale: 'de' }, 'locale', 'invalid_value'],
    ['an extra field', { role: 'admin' }, '', 'unrecognized_keys'],
  ])('should reject %s', (_, patch, path, code) => {
    expect(issuesOf(registerSchema.safeParse({ ...validRegister, ...patch }))).toContainEqual({
      path,
      code,
    });
  });
});

describe('loginSchema', () => {
  it('should lowercase the e-mail', () => {
    expect(loginSchema.parse({ email: 'CAMILLE@example.fr', password: 'x' })).toEqual({
      email: 'camille@example.fr',
      password: 'x',
    });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['an empty password', { password: '' }, 'password', 'too_small'],
    ['a missing e-mail', { email: undefined }, 'email', 'invalid_type'],
    ['an extra field', { remember: true }, '', 'unrecognized_keys'],
  ])('should reject %s', (_, patch, path, code) => {
    const input = { email: 'camille@example.fr', password: 'secret', ...patch };
    expect(issuesOf(loginSchema.safeParse(input))).toContainEqual({
      path,
      code,
    });
  });
});
