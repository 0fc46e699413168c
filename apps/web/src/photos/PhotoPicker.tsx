import { MAX_PHOTOS, type OrderPhoto, photoTypes } from '@aftersales/contracts/repair-orders';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError, readJson } from '../api';
import { useAuth } from '../auth/auth-context';
import { errorText } from '../error-text';
import { PhotoThumbnails } from './PhotoThumbnails';

interface PhotoPickerProps {
  /** Where the order's photos are uploaded and read. */
  base: string;
  photos: readonly string[];
  onChange(photos: string[]): void;
  /** What the photos show: "ZH10014510045", "the receipt". */
  subject: string;
}

/**
 * Photos for a form: taken with the phone's camera or chosen from files, each uploaded as soon as it is
 * picked (with the count still uploading), shown as thumbnails that can be taken off again.
 */
export function PhotoPicker({ base, photos, onChange, subject }: PhotoPickerProps) {
  const { t } = useTranslation();
  const { authorizedFetch } = useAuth();
  const inputId = useId();
  const [uploading, setUploading] = useState<{ done: number; total: number }>();
  const [problem, setProblem] = useState<string>();
  const room = MAX_PHOTOS - photos.length;

  async function upload(files: File[]) {
    setProblem(undefined);
    if (files.length > room) {
      setProblem(t('photos.tooMany', { max: MAX_PHOTOS }));
      return;
    }
    const added: string[] = [];
    setUploading({ done: 0, total: files.length });
    try {
      for (const file of files) {
        const body = new FormData();
        body.append('file', file);
        added.push((await readJson<OrderPhoto>(await authorizedFetch(base, { method: 'POST', body }))).id);
        setUploading({ done: added.length, total: files.length });
      }
    } catch (failure) {
      // The upload's own words name chat files; a photo field takes photos only.
      const notAPhoto = failure instanceof ApiRequestError && failure.body.code === 'attachment_type';
      setProblem(notAPhoto ? t('photos.notAPhoto') : errorText(failure));
    } finally {
      setUploading(undefined);
      // The photos uploaded before a refusal stay on the form.
      if (added.length > 0) onChange([...photos, ...added]);
    }
  }

  return (
    <div className="photo-picker">
      <PhotoThumbnails
        base={base}
        ids={photos}
        label={(index) => t('photos.photoOf', { index: index + 1, subject })}
        extra={(id) => (
          <button
            type="button"
            className="link small"
            aria-label={t('photos.remove', { subject })}
            onClick={() => onChange(photos.filter((p) => p !== id))}
          >
            ×
          </button>
        )}
      />
      {room > 0 && !uploading && (
        <>
          <input
            id={inputId}
            type="file"
            accept={photoTypes.join(',')}
            multiple
            className="visually-hidden"
            aria-label={t('photos.addTo', { subject })}
            onChange={(e) => {
              void upload([...(e.target.files ?? [])]);
              e.target.value = '';
            }}
          />
          <label htmlFor={inputId} className="button secondary small-button">
            {t('photos.add', { count: photos.length, max: MAX_PHOTOS })}
          </label>
        </>
      )}
      {uploading && (
        <span className="small muted" role="status">
          {t('photos.uploading', uploading)}
          <progress max={uploading.total} value={uploading.done} />
        </span>
      )}
      {problem && <span className="field-error">{problem}</span>}
    </div>
  );
}
