import { useEffect, useRef } from 'react';

/** The tab's title with what waits for the agent in front, so that a background tab shows it. */
export function titleWithCount(title: string, count: number): string {
  return count > 0 ? `(${count}) ${title}` : title;
}

/** A short, quiet tone; browsers allow it once the agent has clicked on the page. */
function chime(): void {
  const audio = new AudioContext();
  const tone = audio.createOscillator();
  const volume = audio.createGain();
  tone.frequency.value = 880;
  volume.gain.setValueAtTime(0.08, audio.currentTime);
  volume.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 0.3);
  tone.connect(volume).connect(audio.destination);
  tone.start();
  tone.stop(audio.currentTime + 0.3);
  tone.onended = () => void audio.close();
}

/**
 * Draws the agent's attention to `count` (consultations waiting and unread messages): in the tab's title,
 * and with a chime whenever it grows.
 */
export function useAttention(title: string, count: number): void {
  const previous = useRef(count);
  useEffect(() => {
    const original = document.title;
    document.title = titleWithCount(title, count);
    if (count > previous.current) chime();
    previous.current = count;
    return () => {
      document.title = original;
    };
  }, [title, count]);
}
