/** Runs `run` once, `delayMs` after the last `schedule` call (editor events come in bursts). */
export class Debounced implements Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly run: () => void) {}

  schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.run();
    }, delayMs);
  }

  /** A run is scheduled and has not started yet. */
  get pending(): boolean {
    return this.timer !== undefined;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

interface Disposable {
  dispose(): void;
}
