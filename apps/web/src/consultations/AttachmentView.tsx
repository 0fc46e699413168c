import type { Attachment } from '@aftersales/contracts/consultation';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { failureOf } from '../api';
import { useAuth } from '../auth/auth-context';
import { errorText } from '../error-text';
import { useBlobUrl } from '../ui/use-blob-url';

/** A file a message carries: photos as thumbnails, everything as a download. */
export function AttachmentView({ attachment }: { attachment: Attachment }) {
  const { t } = useTranslation();
  const { authorizedFetch } = useAuth();
  const [error, setError] = useState<string>();
  const path = `/api/attachments/${encodeURIComponent(attachment.id)}`;
  const isImage = attachment.contentType.startsWith('image/');
  const thumbnail = useBlobUrl(isImage ? path : undefined).url;

  async function bytes(): Promise<Blob> {
    const response = await authorizedFetch(path);
    if (!response.ok) throw await failureOf(response);
    return response.blob();
  }

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
