import { type RefObject, useEffect, useRef, useState } from 'react';
import { type CameraProblem, cameraProblem } from './camera-problem';
import { codesInView } from './codes-in-view';

export type CameraState = { status: 'starting' | 'scanning' } | { status: 'failed'; problem: CameraProblem };

/** Between two reads: quick enough to feel instant, slow enough to leave a phone's processor to the page. */
const READ_EVERY_MS = 150;

/** Browsers offer the camera only to HTTPS pages (and localhost): elsewhere there is no `mediaDevices`. */
const cameraOffered = () => 'mediaDevices' in navigator;

/** The rear camera of a phone or tablet; a laptop's only camera otherwise. */
const constraints: MediaStreamConstraints = {
  audio: false,
  video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
};

/**
 * Shows the camera in `video` and reads the codes in front of it until the component unmounts, when the
 * camera is released. Each code that comes into view goes to the latest `onCode`, once.
 */
export function useCameraScan(
  video: RefObject<HTMLVideoElement | null>,
  onCode: (code: string) => void,
): CameraState {
  const [state, setState] = useState<CameraState>(() =>
    cameraOffered() ? { status: 'starting' } : { status: 'failed', problem: 'insecure' },
  );
  const latestOnCode = useRef(onCode);
  useEffect(() => {
    latestOnCode.current = onCode;
  });

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fresh = codesInView();

    async function start(element: HTMLVideoElement) {
      // The decoder downloads while the browser asks for the camera.
      const reader = import('./barcode-reader').then((m) => m.loadBarcodeReader());
      // Awaited below; a refused camera must not leave its failure unhandled meanwhile.
      reader.catch(() => undefined);
      stream = await navigator.mediaDevices.getUserMedia(constraints);
      if (stopped) return release();
      element.srcObject = stream;
      await element.play();
      const detector = await reader;
      if (stopped) return;
      setState({ status: 'scanning' });
      const read = async () => {
        if (element.readyState >= element.HAVE_CURRENT_DATA && element.videoWidth > 0) {
          const found = await detector.detect(element);
          if (stopped) return;
          const codes = fresh(
            found.map((barcode) => barcode.rawValue.trim()),
            performance.now(),
          );
          for (const code of codes) latestOnCode.current(code);
        }
        timer = setTimeout(() => void read().catch(fail), READ_EVERY_MS);
      };
      await read();
    }

    function release() {
      clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
      stream = undefined;
    }

    function fail(error: unknown) {
      release();
      if (!stopped) setState({ status: 'failed', problem: cameraProblem(error) });
    }

    const element = video.current;
    if (element && cameraOffered()) start(element).catch(fail);
    return () => {
      stopped = true;
      release();
      if (element) element.srcObject = null;
    };
  }, [video]);

  return state;
}
