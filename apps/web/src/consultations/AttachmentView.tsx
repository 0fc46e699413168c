import type { Attachment } from '@aftersales/contracts/consultation';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { failureOf } from '../api';
import { useAuth } from '../auth/auth-context';
import { errorText } from '../error-text';

/**
 * A file a message carries: photos as thumbnails, everything as a download. The bytes need the access
 * token, so they are fetched and handed to the page as a blob rather than linked.
 */
export function AttachmentView({ attachment }: { attachment: Attachment }) {
  const { t } = useTranslation();
  const { authorizedFetch } = useAuth();
  const [thumbnail, setThumbnail] = useState<string>();
  const [error, setError] = useState<string>();
  const path = `/api/attachments/${encodeURIComponent(attachment.id)}`;
  const isImage = attachment.contentType.startsWith('image/');

  async function bytes(): Promise<Blob> {
    const response = await authorizedFetch(path);
    if (!response.ok) throw await failureOf(response);
    return response.blob();
  }

  useEffect(() => {
    if (!isImage) return;
    let url: string | undefined;
    let current = true;
    bytes().then(
      (blob) => {
        if (!current) return;
        url = URL.createObjectURL(blob);
        setThumbnail(url);
      },
      () => undefined,
    );
    return () => {
      current = false;
      if (url) URL.revokeObjectURL(url);
    };
    // Not on `authorizedFetch`: it changes with every token renewal, and the id names the bytes.
  }, [path, isImage]);

  async function download() {
    try {
      const url = URL.createObjectURL(await bytes());
      const link = document.createElement('a');
      link.href = url;
      link.download = attachment.name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  return (
    <li className="attachment" data-testid="attachment">
      {thumbnail && <img src={thumbnail} alt={attachment.name} />}
      <button type="button" className="link" onClick={() => void download()}>
        {t('chat.download', { name: attachment.name, size: Math.max(1, Math.round(attachment.size / 1024)) })}
      </button>
      {error && <span className="error-text small">{error}</span>}
    </li>
  );
}
