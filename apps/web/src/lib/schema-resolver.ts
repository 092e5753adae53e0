import { set, type FieldErrors, type FieldValues, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { fieldForPath, issueMessage } from './form-errors';

/**
 * A react-hook-form resolver that builds the API payload from the form's values and validates it
 * with the shared zod schema: the form submits exactly what the API will accept. Issue paths are
 * payload paths (`home.lat`); they land on the form field of the same name, or `fieldFor` decides.
 */
export function schemaResolver<TForm extends FieldValues, TSchema extends z.ZodType>(
  schema: TSchema,
  toPayload: (values: TForm) => unknown,
  fields: readonly string[],
): Resolver<TForm, unknown, z.output<TSchema>> {
  return (values) => {
    const result = schema.safeParse(toPayload(values), { reportInput: true });
    if (result.success) return { values: result.data, errors: {} };
    const errors: FieldErrors<TForm> = {};
    for (const issue of result.error.issues) {
      // An issue no field shows must still block the submit: it goes to the first field.
      const field = fieldForPath(issue.path.map(String).join('.'), fields) ?? fields[0];
      if (!field || fieldHasError(errors, field)) continue;
      set(errors, field, { type: issue.code, message: issueMessage(issue) });
    }
    return { values: {}, errors };
  };
}

function fieldHasError(errors: object, field: string): boolean {
  let node: unknown = errors;
  for (const part of field.split('.')) {
    if (typeof node !== 'object' || node === null) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return node !== undefined;
}
