/** Distinct sound and vibration for a good scan, a warning and an error, for a noisy floor. */
export type Feedback = 'good' | 'warning' | 'error';

let audio: AudioContext | undefined;

const PATTERNS: Record<Feedback, { tones: [number, number][]; vibrate: number[] }> = {
  good: { tones: [[1760, 0.08]], vibrate: [40] },
  warning: { tones: [[880, 0.12], [880, 0.12]], vibrate: [80, 60, 80] },
  error: { tones: [[220, 0.35]], vibrate: [300] },
};

export function feedback(kind: Feedback): void {
  const pattern = PATTERNS[kind];
  navigator.vibrate?.(pattern.vibrate);
  try {
    audio ??= new AudioContext();
    let at = audio.currentTime;
    for (const [frequency, seconds] of pattern.tones) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = frequency;
      osc.type = kind === 'error' ? 'square' : 'sine';
      gain.gain.value = 0.2;
      osc.connect(gain).connect(audio.destination);
      osc.start(at);
      osc.stop(at + seconds);
      at += seconds + 0.05;
    }
  } catch {
    // No audio device (or not allowed yet): vibration alone has to do.
  }
}
