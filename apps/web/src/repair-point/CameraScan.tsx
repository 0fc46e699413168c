import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useCameraScan } from './use-camera-scan';

/**
 * The phone's or laptop's camera as the scanner, for a repair point without a USB one: each code it reads
 * goes to `onCode`, as a scanner's typed code would. Placed in a scan field's row; its preview takes a row
 * of its own below.
 */
export function CameraScan({ onCode }: { onCode(code: string): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="secondary camera-toggle"
        aria-expanded={open}
        onClick={() => setOpen((was) => !was)}
      >
        {t(open ? 'camera.close' : 'camera.open')}
      </button>
      {open && <CameraPreview onCode={onCode} />}
    </>
  );
}

/** Mounted while the camera is on: unmounting it (closed, or the page left) releases the camera. */
function CameraPreview({ onCode }: { onCode(code: string): void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const camera = useCameraScan(video, onCode);
  return (
    <div className="camera-preview" data-testid="camera-preview">
      <video
        ref={video}
        muted
        playsInline
        hidden={camera.status === 'failed'}
        aria-label={t('camera.view')}
      />
      {camera.status === 'failed' ? (
        <ErrorAlert>{t(`camera.problems.${camera.problem}`)}</ErrorAlert>
      ) : (
        <p className="muted small" aria-live="polite" data-testid="camera-status">
          {t(camera.status === 'starting' ? 'camera.starting' : 'camera.aim')}
        </p>
      )}
    </div>
  );
}
