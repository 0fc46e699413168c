import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlobUrl } from '../ui/use-blob-url';
import type { LinePhotos } from './line-photos';

interface PhotoThumbnailsProps {
  /** Where the order's photos are read: `…/photos`, each under its id. */
  base: string;
  ids: readonly string[];
  /** What each photo shows, for its alternative text: "Photo 2 of ZH10014510045". */
  label: (index: number) => string;
  /** Beside each photo, e.g. a button that takes it off a form. */
  extra?: (id: string) => ReactNode;
}

/** Photos as small thumbnails; each opens at full size in a new tab. */
export function PhotoThumbnails({ base, ids, label, extra }: PhotoThumbnailsProps) {
  if (ids.length === 0) return null;
  return (
    <ul className="photo-thumbnails" data-testid="photos">
      {ids.map((id, index) => (
        <li key={id}>
          <Thumbnail path={`${base}/${encodeURIComponent(id)}`} alt={label(index)} />
          {extra?.(id)}
        </li>
      ))}
    </ul>
  );
}

function Thumbnail({ path, alt }: { path: string; alt: string }) {
  const { t } = useTranslation();
  const { url, error } = useBlobUrl(path);
  if (error) return <span className="error-text small">{t('photos.unavailable')}</span>;
  if (!url) return <span className="photo-placeholder" aria-label={t('chat.loading')} />;
  return (
    <a href={url} target="_blank" rel="noreferrer">
      <img src={url} alt={alt} data-testid="photo" />
    </a>
  );
}

/** Every photo of one machine, grouped by who took them and when; nothing when there are none. */
export function LinePhotosView({ base, photos, sn }: { base: string; photos: LinePhotos; sn: string }) {
  const { t } = useTranslation();
  const groups = (['form', 'receipt', 'repair'] as const).filter((group) => photos[group].length > 0);
  if (groups.length === 0) return null;
  return (
    <div className="line-photos" data-testid="line-photos">
      {groups.map((group) => (
        <div key={group}>
          <span className="muted small">{t(`photos.${group}`)}</span>
          <PhotoThumbnails
            base={base}
            ids={photos[group]}
            label={(index) => t('photos.photoOf', { index: index + 1, subject: sn })}
          />
        </div>
      ))}
    </div>
  );
}
