import { OutboxPayloadError } from '@partagora/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { OutboxRepository } from './outbox.repository';

const LISTING = '0b5f1c9e-3a3b-4c8e-9d57-2f4a7b1c0d11';
const OWNER = '1c6a2d0f-4b4c-4d9f-8e68-3a5b8c2d1e22';

describe(OutboxRepository.name, () => {
  let query: jest.Mock;
  let manager: EntityManager;
  const repo = new OutboxRepository({} as DataSource);

  beforeEach(() => {
    query = jest.fn().mockResolvedValue([{ id: '42' }]);
    manager = { query } as unknown as EntityManager;
  });

  it('should write an event whose payload fits its schema, as the schema parses it', async () => {
    await expect(
      repo.add(manager, 'exchange.declined', {
        exchangeId: LISTING,
        actorId: null,
        previousStatus: 'requested',
        reason: 'taken',
      }),
    ).resolves.toBe('42');
    expect(query).toHaveBeenCalledTimes(1);
    const [sql, params] = query.mock.calls[0] as [string, unknown[]];
    expect(sql).toMatch(/^INSERT INTO outbox_events/);
    expect(params[0]).toBe('exchange.declined');
    expect(JSON.parse(params[1] as string)).toEqual({
      exchangeId: LISTING,
      actorId: null,
      previousStatus: 'requested',
      reason: 'taken',
    });
  });

  it.each<[string, string, unknown]>([
    ['an id that is not a uuid', 'listing.created', { listingId: 'not-an-id', ownerId: OWNER }],
    ['a missing field', 'listing.created', { listingId: LISTING }],
    [
      'a reminder type nobody is told about',
      'exchange.reminder',
      { exchangeId: LISTING, type: 'expire', actorId: null },
    ],
    ['an unknown type', 'listing.craeted', { listingId: LISTING, ownerId: OWNER }],
  ])('should throw before writing anything for %s', async (_name, type, payload) => {
    await expect(repo.add(manager, type as 'listing.created', payload as never)).rejects.toThrow(
      OutboxPayloadError,
    );
    expect(query).not.toHaveBeenCalled();
  });

  it('should type the payload from the event type (checked by `npm run typecheck`)', async () => {
    const attempts = [
      // @ts-expect-error: not a registered event type
      repo.add(manager, 'listing.craeted', { listingId: LISTING, ownerId: OWNER }),
      // @ts-expect-error: the payload of listing.created has no `exchangeId`
      repo.add(manager, 'listing.created', { exchangeId: LISTING, ownerId: OWNER }),
      // @ts-expect-error: `ownerId` is missing
      repo.add(manager, 'listing.created', { listingId: LISTING }),
      // @ts-expect-error: a reminder's `type` is pickup or return_due
      repo.add(manager, 'exchange.reminder', { exchangeId: LISTING, type: 'soon', actorId: null }),
    ];
    // At run time the schema refuses them too.
    for (const attempt of attempts) await expect(attempt).rejects.toThrow(OutboxPayloadError);
    expect(query).not.toHaveBeenCalled();
  });
});
