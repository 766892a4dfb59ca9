/**
 * A small glob matcher (`**`, `*`, `?`, `{a,b}`, `[abc]`, `[!abc]`) that runs anywhere, the browser
 * included. Globs come from team configs, so matching must stay fast on any pattern: instead of a
 * regular expression (where `*a*a*a*b` or `**` + `/**` + `/**` backtrack polynomially), a glob is
 * compiled into a small automaton (braces included) and matched by advancing the set of live states
 * one character at a time: time is at most (path length × glob length), whatever the pattern.
 */

/** A state of the matcher: moves that consume one character, and free moves (epsilon). */
interface State {
  moves: { test: (c: string) => boolean; to: number }[];
  free: number[];
}

const notSlash = (c: string) => c !== '/';
const anything = () => true;
const isSlash = (c: string) => c === '/';

/** A character class body (`a-z0-9_`) as a test; a class never matches `/`. */
function classTest(body: string): (c: string) => boolean {
  const negated = body.startsWith('!') || body.startsWith('^');
  const set = negated ? body.slice(1) : body;
  const singles = new Set<string>();
  const ranges: [string, string][] = [];
  for (let i = 0; i < set.length; i++) {
    const c = set[i]!;
    if (set[i + 1] === '-' && i + 2 < set.length) {
      ranges.push([c, set[i + 2]!]);
      i += 2;
    } else singles.add(c);
  }
  const inSet = (c: string) => singles.has(c) || ranges.some(([lo, hi]) => c >= lo && c <= hi);
  return (c) => c !== '/' && inSet(c) !== negated;
}

/** Where the `}` closing the `{` at `open` is, and its top-level commas; undefined when unbalanced. */
function braceGroup(glob: string, open: number): { close: number; commas: number[] } | undefined {
  let depth = 0;
  const commas: number[] = [];
  for (let i = open; i < glob.length; i++) {
    const c = glob[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return { close: i, commas };
    else if (c === ',' && depth === 1) commas.push(i);
  }
  return undefined;
}

/** Compiles a glob into states (state 0 starts, the last one accepts), Thompson-style. */
function compile(glob: string): State[] {
  const states: State[] = [];
  const add = (): number => states.push({ moves: [], free: [] }) - 1;
  /** Compiles `glob.slice(from, to)` after state `start`; returns its end state. */
  const sequence = (from: number, to: number, start: number): number => {
    let at = start;
    for (let i = from; i < to; i++) {
      const c = glob[i]!;
      if (c === '*') {
        const loop = add();
        states[at]!.free.push(loop);
        if (glob[i + 1] === '*' && glob[i + 2] === '/' && i + 2 < to) {
          // `**` + `/`: zero or more directories, each a name (possibly empty) and a slash.
          const inName = add();
          states[loop]!.moves.push({ test: isSlash, to: loop }, { test: notSlash, to: inName });
          states[inName]!.moves.push({ test: notSlash, to: inName }, { test: isSlash, to: loop });
          i += 2;
        } else if (glob[i + 1] === '*') {
          states[loop]!.moves.push({ test: anything, to: loop });
          i += 1;
        } else states[loop]!.moves.push({ test: notSlash, to: loop });
        at = loop;
        continue;
      }
      if (c === '{') {
        const group = braceGroup(glob, i);
        if (group && group.close < to) {
          const join = add();
          let from2 = i + 1;
          for (const end of [...group.commas, group.close]) {
            const branch = add();
            states[at]!.free.push(branch);
            states[sequence(from2, end, branch)]!.free.push(join);
            from2 = end + 1;
          }
          at = join;
          i = group.close;
          continue;
        }
      }
      let test: (ch: string) => boolean;
      if (c === '?') test = notSlash;
      else if (c === '[' && glob.indexOf(']', i + 1) > i + 1 && glob.indexOf(']', i + 1) < to) {
        const close = glob.indexOf(']', i + 1);
        test = classTest(glob.slice(i + 1, close));
        i = close;
      } else test = (ch) => ch === c;
      const next = add();
      states[at]!.moves.push({ test, to: next });
      at = next;
    }
    return at;
  };
  const start = add();
  const end = sequence(0, glob.length, start);
  // The accepting state is the last one.
  const accept = add();
  states[end]!.free.push(accept);
  return states;
}

/** Adds `s` and every state reachable from it by free moves. */
function close(states: State[], set: Uint8Array, s: number): void {
  if (set[s]) return;
  set[s] = 1;
  for (const t of states[s]!.free) close(states, set, t);
}

/** Whether the compiled glob matches all of `path`: the set of live states, advanced one character at a time. */
function matches(states: State[], path: string): boolean {
  let live = new Uint8Array(states.length);
  let next = new Uint8Array(states.length);
  close(states, live, 0);
  for (let p = 0; p < path.length; p++) {
    const c = path[p]!;
    next.fill(0);
    let any = false;
    for (let s = 0; s < states.length; s++) {
      if (!live[s]) continue;
      for (const m of states[s]!.moves) {
        if (m.test(c)) {
          close(states, next, m.to);
          any = true;
        }
      }
    }
    if (!any) return false;
    [live, next] = [next, live];
  }
  return live[states.length - 1] === 1;
}

const cache = new Map<string, State[]>();

function compiled(glob: string): State[] {
  let c = cache.get(glob);
  if (!c) {
    if (cache.size > 500) cache.clear();
    cache.set(glob, (c = compile(glob)));
  }
  return c;
}

/** Matches a `/`-separated path. A glob without `/` matches the base name anywhere (like .gitignore). */
export function matchGlob(glob: string, path: string): boolean {
  const g = glob.startsWith('./') ? glob.slice(2) : glob;
  const subject = g.includes('/') ? path : path.slice(path.lastIndexOf('/') + 1);
  return matches(compiled(g), subject);
}
