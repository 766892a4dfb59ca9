import { describe, expect, it, vi } from 'vitest';
import { Deadlines } from '../src/overlay/deadlines';
import { FieldMirror, splitPieces, type MirrorMark, type Piece } from '../src/overlay/mirror';

const mark = (start: number, end: number, severity: MirrorMark['severity']): MirrorMark => ({ start, end, severity });

describe('splitPieces', () => {
  it('plain text is one plain piece; empty text has none', () => {
    expect(splitPieces(10, [])).toEqual([{ start: 0, end: 10, severity: undefined }]);
    expect(splitPieces(0, [mark(0, 1, 'error')])).toEqual([]);
  });

  it('overlaps take the strongest severity and equal neighbours merge', () => {
    // info [2,8), error [4,6), warning [6,9)
    expect(splitPieces(12, [mark(2, 8, 'info'), mark(4, 6, 'error'), mark(6, 9, 'warning')])).toEqual([
      { start: 0, end: 2, severity: undefined },
      { start: 2, end: 4, severity: 'info' },
      { start: 4, end: 6, severity: 'error' },
      { start: 6, end: 9, severity: 'warning' },
      { start: 9, end: 12, severity: undefined },
    ]);
    expect(splitPieces(6, [mark(0, 3, 'error'), mark(3, 6, 'error')])).toEqual([{ start: 0, end: 6, severity: 'error' }]);
  });

  it('clamps marks to the text and drops empty ones', () => {
    expect(splitPieces(4, [mark(3, 9, 'warning'), mark(7, 9, 'error'), mark(2, 2, 'error')])).toEqual([
      { start: 0, end: 3, severity: undefined },
      { start: 3, end: 4, severity: 'warning' },
    ]);
  });

  it('matches a per-character reference on random marks', () => {
    const sevs = ['info', 'warning', 'error'] as const;
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    for (let round = 0; round < 300; round++) {
      const len = rnd(40);
      const marks = Array.from({ length: rnd(6) }, () => mark(rnd(45) - 2, rnd(45) - 2, sevs[rnd(3)]!));
      const want: (string | undefined)[] = [];
      for (let i = 0; i < len; i++) {
        let best: MirrorMark['severity'] | undefined;
        for (const m of marks) if (m.start <= i && i < m.end && (!best || sevs.indexOf(m.severity) > sevs.indexOf(best))) best = m.severity;
        want.push(best);
      }
      const got: (string | undefined)[] = [];
      const pieces = splitPieces(len, marks);
      let prev: Piece | undefined;
      for (const p of pieces) {
        expect(p.start).toBe(prev ? prev.end : 0);
        expect(p.end).toBeGreaterThan(p.start);
        if (prev) expect(p.severity).not.toBe(prev.severity);
        for (let i = p.start; i < p.end; i++) got.push(p.severity);
        prev = p;
      }
      expect(got).toEqual(want);
    }
  });
});

function mirrorOf(text: string, marks: MirrorMark[]) {
  const el = document.createElement('textarea');
  const m = new FieldMirror(document, 'body', el);
  document.body.append(m.clipEl);
  m.setText(text, splitPieces(text.length, marks));
  return m;
}

/** The mirror's nodes as [text, class] pairs, in order. */
function layout(m: FieldMirror) {
  const inner = m.clipEl.querySelector('.gl-mirror')!.firstElementChild!;
  return [...inner.childNodes].map((n) => [n.textContent, n.nodeType === 1 ? (n as Element).className : '']);
}

describe('FieldMirror', () => {
  it('lays the text out in pieces, underlined ones as spans, with a trailing zero-width space', () => {
    const m = mirrorOf('Hi there, bit.ly/x ok', [mark(10, 18, 'error')]);
    expect(layout(m)).toEqual([
      ['Hi there, ', ''],
      ['bit.ly/x', 'gl-u gl-error'],
      [' ok', ''],
      ['\u200b', ''],
    ]);
    expect(m.text).toBe('Hi there, bit.ly/x ok');
  });

  it('a keystroke patches the one text node it falls in and keeps the other nodes', () => {
    const m = mirrorOf('Hi there, bit.ly/x ok', [mark(10, 18, 'error')]);
    const inner = m.clipEl.querySelector('.gl-mirror')!.firstElementChild!;
    const before = [...inner.childNodes];
    // Typing "!" after "Hi": the mark moves by one.
    m.setText('Hi! there, bit.ly/x ok', splitPieces(22, [mark(11, 19, 'error')]));
    const after = [...inner.childNodes];
    expect(after).toEqual(before);
    expect(layout(m)).toEqual([
      ['Hi! there, ', ''],
      ['bit.ly/x', 'gl-u gl-error'],
      [' ok', ''],
      ['\u200b', ''],
    ]);
  });

  it('changes of look re-use or replace nodes and keep the text whole', () => {
    const m = mirrorOf('aaaa bbbb cccc', [mark(0, 4, 'error'), mark(10, 14, 'info')]);
    m.setText('aaaa bbbb cccc', splitPieces(14, [mark(0, 4, 'warning'), mark(5, 9, 'error')]));
    expect(layout(m)).toEqual([
      ['aaaa', 'gl-u gl-warning'],
      [' ', ''],
      ['bbbb', 'gl-u gl-error'],
      [' cccc', ''],
      ['\u200b', ''],
    ]);
    m.setText('aaaa bbbb cccc dddd', splitPieces(19, []));
    expect(layout(m)).toEqual([
      ['aaaa bbbb cccc dddd', ''],
      ['\u200b', ''],
    ]);
    m.setText('x', splitPieces(1, [mark(0, 1, 'error')]));
    expect(layout(m)).toEqual([
      ['x', 'gl-u gl-error'],
      ['\u200b', ''],
    ]);
  });

  it('matches a fresh layout after random edit sequences', () => {
    let seed = 11;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const sevs = ['info', 'warning', 'error'] as const;
    const m = mirrorOf('', []);
    let text = '';
    for (let round = 0; round < 200; round++) {
      const at = rnd(text.length + 1);
      text = text.slice(0, at) + 'xyz '.slice(0, rnd(4)) + text.slice(at + rnd(3));
      const marks = Array.from({ length: rnd(4) }, () => {
        const s = rnd(text.length + 1);
        return mark(s, s + 1 + rnd(5), sevs[rnd(3)]!);
      });
      m.setText(text, splitPieces(text.length, marks));
      expect(layout(m)).toEqual(layout(mirrorOf(text, marks)));
    }
  });

  it('scrolls with a transform and writes styles and boxes only when they change', () => {
    const m = mirrorOf('text', [mark(0, 2, 'error')]);
    const mirror = m.clipEl.querySelector<HTMLElement>('.gl-mirror')!;
    const inner = mirror.firstElementChild as HTMLElement;
    m.scrollTo(30, 0);
    expect(inner.style.transform).toBe('translate(0px, -30px)');
    m.scrollTo(0, 0);
    expect(inner.style.transform).toBe('');
    m.setStyle({ fontSize: '16px', width: '10px' }, 'a');
    expect(mirror.style.fontSize).toBe('16px');
    // width comes from the measured box, not the style.
    expect(mirror.style.width).toBe('');
    mirror.style.fontSize = '1px';
    m.setStyle({ fontSize: '16px' }, 'a');
    expect(mirror.style.fontSize).toBe('1px');
    m.place({ left: 10, top: 20, width: 100, height: 50 }, { left: 5, top: 20, width: 200, height: 80 });
    expect([m.clipEl.style.left, m.clipEl.style.top, mirror.style.left, mirror.style.width]).toEqual(['10px', '20px', '-5px', '200px']);
    m.hide();
    expect(m.clipEl.style.display).toBe('none');
    expect(m.rectsOf(0, 2)).toEqual([]);
    m.place({ left: 10, top: 20, width: 100, height: 50 }, { left: 5, top: 20, width: 200, height: 80 });
    expect(m.clipEl.style.display).toBe('');
  });
});

describe('Deadlines', () => {
  it('runs once after the last push, with one timer for many pushes', () => {
    vi.useFakeTimers();
    try {
      let now = 0;
      const d = new Deadlines(() => now);
      const spy = vi.spyOn(globalThis, 'setTimeout');
      const ran: string[] = [];
      for (let i = 0; i < 50; i++) {
        now = i * 10;
        d.set('a', 100, () => ran.push('a'));
      }
      expect(spy).toHaveBeenCalledTimes(1);
      now = 100;
      vi.advanceTimersByTime(100);
      expect(ran).toEqual([]);
      now = 590;
      vi.advanceTimersByTime(490);
      expect(ran).toEqual(['a']);
      d.set('b', 10, () => ran.push('b'));
      d.cancel('b');
      now = 700;
      vi.advanceTimersByTime(110);
      expect(ran).toEqual(['a']);
      spy.mockRestore();
    } finally {
      vi.useRealTimers();
    }
  });
});
