/** How a scan went, by ear: the engineer looks at the machine, not the screen. */
export type BeepKind = 'received' | 'again' | 'refused';

const tones: Record<BeepKind, { hz: number; seconds: number }> = {
  received: { hz: 1_320, seconds: 0.12 },
  again: { hz: 660, seconds: 0.12 },
  refused: { hz: 220, seconds: 0.45 },
};

let audio: AudioContext | undefined;

/** A short tone through Web Audio; silent where the browser has none or keeps audio blocked. */
export function beep(kind: BeepKind): void {
  if (typeof AudioContext === 'undefined') return;
  audio ??= new AudioContext();
  const { hz, seconds } = tones[kind];
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  oscillator.type = 'square';
  oscillator.frequency.value = hz;
  gain.gain.value = 0.08;
  oscillator.connect(gain).connect(audio.destination);
  oscillator.start();
  oscillator.stop(audio.currentTime + seconds);
}
