import { DomainError } from '../shared/domain-error';
import { EXCHANGE_KINDS } from './exchange';
import { OFFER_RULES, type Offer, assertCanOfferListing, assertOfferFits } from './offer-rules';

const LISTING = '11111111-1111-4111-8111-111111111111';
const MINE = '22222222-2222-4222-8222-222222222222';
const ME = 'requester';

/** The code and field of the refusal, or null when the offer fits. */
function refusal(fn: () => unknown): [string, string | undefined] | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (!(e instanceof DomainError)) return ['not a DomainError', undefined];
    const details = e.details as Array<{ path: string }> | undefined;
    return [e.code, details?.[0]?.path];
  }
}

const OFFERS: Record<string, Offer> = {
  nothing: {},
  'a listing': { offeredListingId: MINE },
  'an item': { offeredItem: 'Une tondeuse' },
  'a listing and an item': { offeredListingId: MINE, offeredItem: 'Une tondeuse' },
  'the listing itself': { offeredListingId: LISTING },
};

const FITS = null;
const NOT_FOR_KIND = ['VALIDATION_FAILED', 'offeredListingId'];
const LISTING_REQUIRED = ['VALIDATION_FAILED', 'offeredListingId'];
const SOMETHING_REQUIRED = ['VALIDATION_FAILED', 'offeredItem'];
const NOT_YOURS = ['VALIDATION_FAILED', 'offeredListingId'];

/** Kind × offer → outcome, written out by hand. */
const TABLE = {
  loan: {
    nothing: FITS,
    'a listing': NOT_FOR_KIND,
    'an item': NOT_FOR_KIND,
    'a listing and an item': NOT_FOR_KIND,
    'the listing itself': NOT_FOR_KIND,
  },
  gift: {
    nothing: FITS,
    'a listing': NOT_FOR_KIND,
    'an item': NOT_FOR_KIND,
    'a listing and an item': NOT_FOR_KIND,
    'the listing itself': NOT_FOR_KIND,
  },
  swap: {
    nothing: SOMETHING_REQUIRED,
    'a listing': FITS,
    'an item': FITS,
    'a listing and an item': FITS,
    'the listing itself': NOT_YOURS,
  },
  answer: {
    nothing: LISTING_REQUIRED,
    'a listing': FITS,
    'an item': LISTING_REQUIRED,
    'a listing and an item': FITS,
    'the listing itself': NOT_YOURS,
  },
} as const;

describe(assertOfferFits.name, () => {
  it.each(
    EXCHANGE_KINDS.flatMap((kind) => Object.keys(OFFERS).map((offer) => [kind, offer] as const)),
  )('should settle a %s offering %s as the product table says', (kind, offer) => {
    const want = TABLE[kind][offer as keyof (typeof TABLE)[typeof kind]];
    expect(refusal(() => assertOfferFits(kind, LISTING, OFFERS[offer]!))).toEqual(want);
  });

  it.each([
    ['a null listing id', { offeredListingId: null, offeredItem: 'Une tondeuse' }, FITS],
    ['an empty item', { offeredItem: '' }, SOMETHING_REQUIRED],
  ] as const)('should read %s as nothing offered', (_name, offer, want) => {
    expect(refusal(() => assertOfferFits('swap', LISTING, offer))).toEqual(want);
  });

  it('should say so in words a person understands', () => {
    expect(() => assertOfferFits('answer', LISTING, {})).toThrow(
      'Answer a wanted post with one of your listings',
    );
    expect(() => assertOfferFits('gift', LISTING, { offeredItem: 'x' })).toThrow(
      'Only swaps and answers offer something',
    );
  });
});

describe('OFFER_RULES', () => {
  it('should let only swaps and answers offer something, and make them offer', () => {
    for (const kind of EXCHANGE_KINDS) {
      const offers = kind === 'swap' || kind === 'answer';
      expect(OFFER_RULES[kind].something).toBe(offers);
      expect(OFFER_RULES[kind].listing === 'forbidden').toBe(!offers);
    }
  });
});

describe(assertCanOfferListing.name, () => {
  it.each([
    ['my available listing', { ownerId: ME, status: 'available' }, FITS],
    ['a missing listing', null, NOT_YOURS],
    ["someone else's listing", { ownerId: 'someone', status: 'available' }, NOT_YOURS],
    ['my reserved listing', { ownerId: ME, status: 'reserved' }, NOT_YOURS],
    ['my paused listing', { ownerId: ME, status: 'paused' }, NOT_YOURS],
    ['my removed listing', { ownerId: ME, status: 'removed' }, NOT_YOURS],
  ] as const)('should settle offering %s', (_name, offered, want) => {
    expect(refusal(() => assertCanOfferListing(offered, ME))).toEqual(want);
  });
});
