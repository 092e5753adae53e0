import { type LatLng } from '@partagora/geo';
import type { DataSource } from 'typeorm';
import { insertCompletedExchange } from './../factories/completed-exchanges';
import { insertListings } from './../factories/listings';

/** A listing at a known public point, straight in the table (its exact point alike). */
export async function listingAt(
  ds: DataSource,
  townId: string,
  ownerId: string,
  kind: 'lend' | 'give' | 'barter' | 'wanted',
  category: string,
  point: LatLng,
  title = 'Objet de test',
): Promise<string> {
  const [id] = await insertListings(ds, [
    {
      ownerId,
      municipalityId: townId,
      kind,
      category: category as never,
      title,
      exact: point,
      public: point,
    },
  ]);
  return id!;
}

/** `count` completed exchanges of one listing, a day apart from `first`. */
export async function completedTimes(
  ds: DataSource,
  count: number,
  e: {
    kind: 'loan' | 'gift' | 'swap' | 'answer';
    listingId: string;
    ownerId: string;
    requesterId: string;
  },
  first: Date,
): Promise<void> {
  for (let i = 0; i < count; i++) {
    await insertCompletedExchange(ds, {
      ...e,
      completedAt: new Date(first.getTime() + i * 86_400_000),
    });
  }
}
