import type { z } from 'zod';
import type { pageSchema } from '@partagora/domain';

/** `{items, nextCursor}` of the API, for an item schema of `@partagora/domain`. */
export type Page<T extends z.ZodType> = z.output<ReturnType<typeof pageSchema<T>>>;
