/**
 * Named "run this once things have been quiet for N ms" timers that cost nothing per keystroke:
 * pushing a deadline later only stores a number, and a single timer, re-armed when it fires early,
 * serves all of them (setTimeout/clearTimeout per keystroke showed up in the frame's profile).
 */
export class Deadlines {
  private due = new Map<string, { at: number; run: () => void }>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private armedFor = Infinity;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Runs `run` once, `delay` ms after the last call with this name. */
  set(name: string, delay: number, run: () => void): void {
    const at = this.now() + delay;
    this.due.set(name, { at, run });
    // A timer armed for earlier fires, finds the deadline moved and re-arms.
    if (this.timer === undefined || at < this.armedFor) this.arm(at);
  }

  cancel(name: string): void {
    this.due.delete(name);
  }

  clear(): void {
    this.due.clear();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.armedFor = Infinity;
  }

  private arm(at: number): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.armedFor = at;
    this.timer = setTimeout(() => this.fire(), Math.max(0, at - this.now()));
  }

  private fire(): void {
    this.timer = undefined;
    this.armedFor = Infinity;
    const now = this.now();
    let next = Infinity;
    for (const [name, d] of [...this.due]) {
      if (d.at <= now + 1) {
        this.due.delete(name);
        try {
          d.run();
        } catch (e) {
          console.debug('[greenlight]', e);
        }
      } else next = Math.min(next, d.at);
    }
    // run() may have set new deadlines (and armed the timer).
    for (const d of this.due.values()) next = Math.min(next, d.at);
    if (next < Infinity && (this.timer === undefined || next < this.armedFor)) this.arm(next);
  }
}
