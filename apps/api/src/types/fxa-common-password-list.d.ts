/** Mozilla's list of ~50,000 common passwords (MPL-2.0); the package ships no types. */
declare module 'fxa-common-password-list' {
  /** Whether `password` is on the list. */
  export function test(password: string): boolean;
}
