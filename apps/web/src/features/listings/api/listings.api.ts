import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  LISTING_LIMITS,
  type CreateListingInput,
  type ListingCategory,
  type ListingKind,
  type ListingMap,
  type ListingSearchPage,
  type ListingView,
  type PhotoView,
  type UpdateListingInput,
} from '@partagora/domain';
import { bboxCentre, MAX_BBOX_SPAN_DEG, type BBox, type LatLng } from '@partagora/geo';
import { apiFetch, apiUpload } from '../../../lib/api-client';
import { resizeForUpload } from '../../../lib/image-resize';

export interface ListingFilters {
  kind?: ListingKind;
  category?: ListingCategory;
  /** Free text, already trimmed; empty means none. */
  q?: string;
}

export const listingsKeys = {
  all: ['listings'] as const,
  search: (centre: LatLng, radius: number, filters: ListingFilters) =>
    ['listings', 'search', { lat: centre.lat, lng: centre.lng, radius, ...filters }] as const,
  map: (bbox: string, zoom: number, filters: ListingFilters) =>
    ['listings', 'map', { bbox, zoom, ...filters }] as const,
  detail: (id: string) => ['listings', 'detail', id] as const,
};

export const PAGE_SIZE = 20;

/**
 * `west,south,east,north` in degrees, as `GET /listings/map` expects. A viewport wider or taller
 * than the API accepts (`MAX_BBOX_SPAN_DEG`, a very large screen zoomed out) is cut down around
 * its centre.
 */
export function bboxParam(b: BBox): string {
  const half = MAX_BBOX_SPAN_DEG / 2 - 1e-4;
  const c = bboxCentre(b);
  const west = b.east - b.west > MAX_BBOX_SPAN_DEG ? c.lng - half : b.west;
  const east = b.east - b.west > MAX_BBOX_SPAN_DEG ? c.lng + half : b.east;
  const south = b.north - b.south > MAX_BBOX_SPAN_DEG ? c.lat - half : b.south;
  const north = b.north - b.south > MAX_BBOX_SPAN_DEG ? c.lat + half : b.north;
  return [west, south, east, north].map((d) => Number(d.toFixed(5))).join(',');
}

const filterParams = (filters: ListingFilters) => ({
  kind: filters.kind,
  category: filters.category,
  q: filters.q?.trim().slice(0, LISTING_LIMITS.searchQueryMax) || undefined,
});

export const listingSearchQueryOptions = (
  centre: LatLng,
  radius: number,
  filters: ListingFilters,
) =>
  infiniteQueryOptions({
    queryKey: listingsKeys.search(centre, radius, filters),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<ListingSearchPage>('/listings', {
        query: {
          lat: centre.lat,
          lng: centre.lng,
          radius,
          ...filterParams(filters),
          limit: PAGE_SIZE,
          cursor: pageParam,
        },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // The previous results stay on screen while the next search loads (or while offline).
    placeholderData: keepPreviousData,
    // Try even offline: the service worker may answer with the last search it kept.
    networkMode: 'offlineFirst',
  });

export function useListingSearch(centre: LatLng, radius: number, filters: ListingFilters) {
  return useInfiniteQuery(listingSearchQueryOptions(centre, radius, filters));
}

export const listingMapQueryOptions = (bbox: BBox, zoom: number, filters: ListingFilters) => {
  const bbox_ = bboxParam(bbox);
  return queryOptions({
    queryKey: listingsKeys.map(bbox_, zoom, filters),
    queryFn: ({ signal }) =>
      apiFetch<ListingMap>('/listings/map', {
        query: { bbox: bbox_, zoom, ...filterParams(filters) },
        signal,
      }),
    // Keep the previous markers while the next viewport loads: no flicker when panning.
    placeholderData: keepPreviousData,
    networkMode: 'offlineFirst',
  });
};

export function useListingMap(bbox: BBox | null, zoom: number, filters: ListingFilters) {
  const empty: BBox = { west: 0, south: 0, east: 0, north: 0 };
  return useQuery({
    ...listingMapQueryOptions(bbox ?? empty, zoom, filters),
    enabled: bbox !== null,
  });
}

/** Metres: how far from home my own listings are looked for (they may be placed elsewhere). */
const MY_LISTINGS_RADIUS = 10_000;

/**
 * My available listings (to offer in a swap or an answer), found through the nearby search around
 * my home and kept to mine; wanted posts are left out (they offer nothing).
 */
export function useMyAvailableListings(me: { id: string; home: LatLng }, enabled: boolean) {
  return useQuery({
    queryKey: ['listings', 'mine', me.id] as const,
    queryFn: ({ signal }) =>
      apiFetch<ListingSearchPage>('/listings', {
        query: {
          lat: me.home.lat,
          lng: me.home.lng,
          radius: MY_LISTINGS_RADIUS,
          limit: LISTING_LIMITS.searchLimitMax,
        },
        signal,
      }),
    select: (page) =>
      page.items.filter(
        (l) => l.owner.id === me.id && l.status === 'available' && l.kind !== 'wanted',
      ),
    enabled,
  });
}

export const listingQueryOptions = (id: string) =>
  queryOptions({
    queryKey: listingsKeys.detail(id),
    queryFn: ({ signal }) =>
      apiFetch<ListingView>(`/listings/${encodeURIComponent(id)}`, { signal }),
  });

export function useListing(id: string) {
  return useQuery(listingQueryOptions(id));
}

export function useCreateListing() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateListingInput) =>
      apiFetch<ListingView>('/listings', { method: 'POST', body: input }),
    onSuccess: async (listing) => {
      queryClient.setQueryData(listingsKeys.detail(listing.id), listing);
      await queryClient.invalidateQueries({ queryKey: listingsKeys.all });
    },
  });
}

export function useUpdateListing(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateListingInput) =>
      apiFetch<ListingView>(`/listings/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body: input,
      }),
    onSuccess: async (listing) => {
      queryClient.setQueryData(listingsKeys.detail(id), listing);
      await queryClient.invalidateQueries({ queryKey: listingsKeys.all });
    },
  });
}

export function useDeleteListing(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>(`/listings/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: listingsKeys.detail(id) });
      await queryClient.invalidateQueries({ queryKey: listingsKeys.all });
    },
  });
}

/** Resizes on the device, then uploads with progress; the listing is refetched afterwards. */
export function useUploadPhoto(listingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      file,
      onProgress,
    }: {
      file: File;
      onProgress?: (fraction: number) => void;
    }) => {
      const form = new FormData();
      form.append('photo', await resizeForUpload(file), file.name || 'photo.jpg');
      return apiUpload<PhotoView>(
        `/listings/${encodeURIComponent(listingId)}/photos`,
        form,
        onProgress,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: listingsKeys.detail(listingId) }),
  });
}

export function useDeletePhoto(listingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (photoId: string) =>
      apiFetch<void>(
        `/listings/${encodeURIComponent(listingId)}/photos/${encodeURIComponent(photoId)}`,
        { method: 'DELETE' },
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: listingsKeys.all }),
  });
}

export function useReorderPhotos(listingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) =>
      apiFetch<{ items: PhotoView[] }>(`/listings/${encodeURIComponent(listingId)}/photos/order`, {
        method: 'PUT',
        body: { ids },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: listingsKeys.all }),
  });
}
