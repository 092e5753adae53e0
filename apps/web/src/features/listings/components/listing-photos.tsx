import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PHOTO_LIMITS, type ListingView, type PhotoView } from '@partagora/domain';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { env } from '../../../config/env';
import { useDeletePhoto, useReorderPhotos, useUploadPhoto } from '../api/listings.api';

/** Photo URLs are API paths (`/api/v1/photos/…`): served from the API's origin. */
export const photoSrc = (path: string) => `${env.apiBaseUrl.replace(/\/api\/v1$/, '')}${path}`;

/** The listing's photos, largest first; nothing at all when there is none (the page stays whole). */
export function ListingGallery({ listing }: { listing: ListingView }) {
  const { t } = useTranslation();
  if (listing.photos.length === 0) return null;
  const [first, ...rest] = listing.photos;
  return (
    <section className="gallery" aria-label={t('photos.galleryLabel')}>
      <img
        className="gallery__main"
        src={photoSrc(first!.url)}
        width={first!.width}
        height={first!.height}
        alt={t('photos.alt', { title: listing.title, n: 1 })}
      />
      {rest.length ? (
        <ul className="gallery__thumbs">
          {rest.map((p, i) => (
            <li key={p.id}>
              <a href={photoSrc(p.url)} target="_blank" rel="noreferrer">
                <img
                  src={photoSrc(p.cardUrl)}
                  loading="lazy"
                  alt={t('photos.alt', { title: listing.title, n: i + 2 })}
                />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

interface Upload {
  key: string;
  name: string;
  progress: number;
}

/** The owner's photo manager: add (resized on the device, with progress), reorder, delete. */
export function ListingPhotosEditor({ listing }: { listing: ListingView }) {
  const { t } = useTranslation();
  const inputId = useId();
  const upload = useUploadPhoto(listing.id);
  const remove = useDeletePhoto(listing.id);
  const reorder = useReorderPhotos(listing.id);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const photos = listing.photos;
  const room = PHOTO_LIMITS.perListing - photos.length - uploads.length;

  const send = async (files: File[]) => {
    setError(null);
    for (const file of files.slice(0, Math.max(0, room))) {
      const key = `${file.name}-${Math.random()}`;
      setUploads((u) => [...u, { key, name: file.name, progress: 0 }]);
      try {
        await upload.mutateAsync({
          file,
          onProgress: (progress) =>
            setUploads((u) => u.map((x) => (x.key === key ? { ...x, progress } : x))),
        });
      } catch (err) {
        setError(err);
      } finally {
        setUploads((u) => u.filter((x) => x.key !== key));
      }
    }
  };

  const move = (photo: PhotoView, by: -1 | 1) => {
    const ids = photos.map((p) => p.id);
    const from = ids.indexOf(photo.id);
    const to = from + by;
    if (to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    reorder.mutate(ids, { onError: setError });
  };

  return (
    <section className="photos-editor" aria-labelledby={`${inputId}-h`}>
      <h2 id={`${inputId}-h`}>{t('photos.heading')}</h2>
      <p className="hint">{t('photos.hint', { max: PHOTO_LIMITS.perListing })}</p>
      {error ? <ApiErrorAlert error={error} /> : null}
      {photos.length === 0 && uploads.length === 0 ? <p>{t('photos.none')}</p> : null}
      <ol className="photos-editor__list">
        {photos.map((p, i) => (
          <li key={p.id} className="photos-editor__item">
            <img
              src={photoSrc(p.thumbnailUrl)}
              alt={t('photos.alt', { title: listing.title, n: i + 1 })}
            />
            <div className="actions">
              <button
                type="button"
                className="button button--secondary"
                disabled={i === 0 || reorder.isPending}
                onClick={() => move(p, -1)}
              >
                {t('photos.moveEarlier', { n: i + 1 })}
              </button>
              <button
                type="button"
                className="button button--secondary"
                disabled={i === photos.length - 1 || reorder.isPending}
                onClick={() => move(p, 1)}
              >
                {t('photos.moveLater', { n: i + 1 })}
              </button>
              {confirming === p.id ? (
                <>
                  <button
                    type="button"
                    className="button button--danger"
                    disabled={remove.isPending}
                    onClick={() =>
                      remove.mutate(p.id, {
                        onError: setError,
                        onSettled: () => setConfirming(null),
                      })
                    }
                  >
                    {t('photos.confirmDelete', { n: i + 1 })}
                  </button>
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => setConfirming(null)}
                  >
                    {t('photos.keep')}
                  </button>
                </>
              ) : (
                <button
                  type="button"
                  className="button button--danger"
                  onClick={() => setConfirming(p.id)}
                >
                  {t('photos.delete', { n: i + 1 })}
                </button>
              )}
            </div>
          </li>
        ))}
        {uploads.map((u) => (
          <li key={u.key} className="photos-editor__item">
            <label>
              {t('photos.uploading', { name: u.name })}
              <progress max={1} value={u.progress} />
            </label>
          </li>
        ))}
      </ol>
      {room > 0 ? (
        <p>
          <label htmlFor={inputId} className="button">
            {t('photos.add')}
          </label>
          <input
            id={inputId}
            className="visually-hidden"
            type="file"
            accept="image/jpeg,image/png,image/webp,image/heic,image/heif"
            multiple
            onChange={(e) => {
              const files = Array.from(e.currentTarget.files ?? []);
              e.currentTarget.value = '';
              void send(files);
            }}
          />
        </p>
      ) : (
        <p>{t('photos.full', { max: PHOTO_LIMITS.perListing })}</p>
      )}
    </section>
  );
}
