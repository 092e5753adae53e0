import type { CommonPasswordPredicate } from '@partagora/domain';
import { test } from 'fxa-common-password-list';

/**
 * The predicate the domain's password rule is given: Mozilla's list of ~50,000 common
 * passwords (fxa-common-password-list, MPL-2.0, used unmodified), covering the 10,000 most
 * common the issue asks for.
 */
export const isCommonPassword: CommonPasswordPredicate = (password) => test(password);
