import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import {
  DomainError,
  PHOTO_LIMITS,
  PHOTO_RENDITION_NAMES,
  type PhotoView,
  type StoredPhoto,
  assertCanEditListing,
  assertPhotoAcceptable,
  detectPhotoType,
  toPhotoView,
} from '@partagora/domain';
import { PhotoStorage } from '../../infra/storage/photo-storage';
import { encodeRendition, headerSize } from './listing-photo-images';
import { ListingPhotosRepository } from './listing-photos.repository';

/**
 * Listing photos: checked before decoding (type by signature, pixel count from the header),
 * re-encoded to WebP renditions with every metadata block (EXIF, GPS, XMP, ICC) dropped, stored,
 * then attached to the listing.
 */
@Injectable()
export class ListingPhotosService {
  private readonly logger = new Logger(ListingPhotosService.name);

  constructor(
    private readonly repo: ListingPhotosRepository,
    private readonly storage: PhotoStorage,
  ) {}

  async add(userId: string, listingId: string, file: Buffer | undefined): Promise<PhotoView> {
    const listing = await this.editable(userId, listingId);
    if (!file) {
      throw new DomainError('VALIDATION_FAILED', 'Send the photo in the multipart field `photo`', [
        { path: 'photo', message: 'Required' },
      ]);
    }
    const stored = await this.ingest(file, listing.photos.length, listingId);
    const id = stored.id;
    if (!(await this.repo.append(listingId, userId, stored))) {
      await this.storage.removePhoto(id);
      throw new DomainError(
        'TOO_MANY_PHOTOS',
        `A listing may have at most ${PHOTO_LIMITS.perListing} photos`,
      );
    }
    return toPhotoView(stored);
  }

  /**
   * The photo pipeline on its own (type by signature, pixel guard, WebP renditions without any
   * metadata, stored): for listing photos and the condition photos of the tool-library desk.
   * `existing`: photos already attached where it goes (the per-listing limit).
   */
  async ingest(file: Buffer, existing = 0, context = 'photo'): Promise<StoredPhoto> {
    const type = detectPhotoType(file.subarray(0, 16));
    // sharp reads the header only here (no pixel is decoded), so a PNG claiming 60,000 × 60,000
    // is refused before any memory is spent on it.
    const size = type ? await headerSize(file) : null;
    assertPhotoAcceptable({ bytes: file.length, type, size, existing });

    const id = randomUUID();
    let full: { width: number; height: number } | null = null;
    try {
      for (const rendition of PHOTO_RENDITION_NAMES) {
        const { data, info } = await encodeRendition(file, rendition, size!);
        await this.storage.put(`${id}/${rendition}.webp`, data);
        if (rendition === 'full') full = { width: info.width, height: info.height };
      }
    } catch (err) {
      await this.storage.removePhoto(id);
      if (err instanceof DomainError) throw err;
      this.logger.debug(`photo for ${context} refused: ${String(err)}`);
      throw new DomainError('IMAGE_INVALID', 'This image is damaged or cannot be read');
    }
    return { id, ...full! };
  }

  async remove(userId: string, listingId: string, photoId: string): Promise<void> {
    await this.editable(userId, listingId);
    if (!(await this.repo.remove(listingId, userId, photoId))) {
      throw new DomainError('PHOTO_NOT_FOUND', 'No such photo');
    }
    await this.storage.removePhoto(photoId);
  }

  async reorder(userId: string, listingId: string, ids: string[]): Promise<PhotoView[]> {
    await this.editable(userId, listingId);
    if (!(await this.repo.reorder(listingId, userId, ids))) {
      throw new DomainError('VALIDATION_FAILED', 'List every photo of the listing once', [
        { path: 'ids', message: 'Must name exactly the listing’s photos' },
      ]);
    }
    return (await this.repo.find(listingId))!.photos.map(toPhotoView);
  }

  /** A stored rendition (public by its unguessable id, like any image on a web page). */
  async file(photoId: string, rendition: string): Promise<Buffer> {
    const known = (PHOTO_RENDITION_NAMES as string[]).includes(rendition);
    const data = known ? await this.storage.get(`${photoId}/${rendition}.webp`) : null;
    if (!data) throw new DomainError('PHOTO_NOT_FOUND', 'No such photo');
    return data;
  }

  private async editable(userId: string, listingId: string) {
    const listing = await this.repo.find(listingId);
    if (!listing) throw new DomainError('LISTING_NOT_FOUND', 'No such listing');
    assertCanEditListing({ ownerId: listing.ownerId, status: listing.status as never }, userId);
    return listing;
  }
}
