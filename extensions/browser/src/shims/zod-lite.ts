/**
 * A stand-in for zod in the content script only (aliased at build time, see wxt.config.ts).
 *
 * The editor page never validates: the options page and the background validate configs with the
 * real zod schemas and store the result. What the engine still needs on the page is zod's
 * *defaults* (a rule's options parsed from `{}`), so this builds the same chainable schemas and
 * `parse` only fills in `.default()` values, recursively through objects and arrays. Any other
 * method (min, regex, describe, strict, superRefine…) is accepted and ignored.
 * `tests/zod-lite.test.ts` checks that every rule's defaults come out exactly as with zod.
 */
type Def = {
  kind: string;
  args: unknown[];
  shape?: Record<string, Schema>;
  item?: Schema;
  inner?: Schema;
  hasDefault?: boolean;
  defaultValue?: unknown;
  /** `prefault`: the default goes through parsing; zod 4's `default` returns it as is. */
  parseDefault?: boolean;
};

const clone = <T>(v: T): T => (v && typeof v === 'object' ? (JSON.parse(JSON.stringify(v)) as T) : v);
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

class SchemaImpl {
  constructor(readonly def: Def) {}
  get shape() {
    return this.def.shape;
  }
  get options() {
    return this.def.args[0];
  }
  default(v: unknown) {
    return make({ ...this.def, hasDefault: true, defaultValue: v });
  }
  prefault(v: unknown) {
    return make({ ...this.def, hasDefault: true, defaultValue: v, parseDefault: true });
  }
  extend(shape: Record<string, Schema>) {
    return make({ ...this.def, shape: { ...this.def.shape, ...shape } });
  }
  safeExtend(shape: Record<string, Schema>) {
    return this.extend(shape);
  }
  merge(other: Schema) {
    return this.extend(other.def.shape ?? {});
  }
  array() {
    return make({ kind: 'array', args: [], item: this as unknown as Schema });
  }
  /** Fills defaults; never rejects (the input was validated before it was stored). */
  apply(v: unknown): unknown {
    if (v === undefined && this.def.hasDefault) {
      const d = typeof this.def.defaultValue === 'function' ? (this.def.defaultValue as () => unknown)() : this.def.defaultValue;
      return this.def.parseDefault ? this.applyInner(clone(d)) : clone(d);
    }
    return this.applyInner(v);
  }
  private applyInner(v: unknown): unknown {
    const { kind, shape, item, inner } = this.def;
    if (inner) return inner.apply(v);
    if (kind === 'object' && shape && isObject(v)) {
      const out: Record<string, unknown> = { ...v };
      for (const [k, s] of Object.entries(shape)) {
        const r = s.apply(v[k]);
        if (r !== undefined) out[k] = r;
      }
      return out;
    }
    if (kind === 'array' && item && Array.isArray(v)) return v.map((x) => item.apply(x));
    return v;
  }
  parse(v: unknown) {
    return this.apply(v);
  }
  safeParse(v: unknown) {
    return { success: true as const, data: this.apply(v) };
  }
}

export type Schema = SchemaImpl;

// Unknown chain methods (min, max, regex, describe, strict, refine…) return the same schema.
const chain: ProxyHandler<SchemaImpl> = {
  get(target, prop, receiver) {
    if (prop in target || typeof prop === 'symbol') return Reflect.get(target, prop, receiver);
    if (prop === 'then') return undefined;
    return () => receiver;
  },
};

function make(def: Def): Schema {
  return new Proxy(new SchemaImpl(def), chain);
}

const factories: Record<string, (...args: unknown[]) => Schema> = {
  object: (shape) => make({ kind: 'object', args: [shape], shape: (shape ?? {}) as Record<string, Schema> }),
  strictObject: (shape) => make({ kind: 'object', args: [shape], shape: (shape ?? {}) as Record<string, Schema> }),
  looseObject: (shape) => make({ kind: 'object', args: [shape], shape: (shape ?? {}) as Record<string, Schema> }),
  array: (item) => make({ kind: 'array', args: [item], item: item as Schema }),
  optional: (inner) => make({ kind: 'optional', args: [inner], inner: inner as Schema }),
  nullable: (inner) => make({ kind: 'nullable', args: [inner], inner: inner as Schema }),
};

export const z: Record<string, (...args: unknown[]) => Schema> = new Proxy(factories, {
  get(target, prop) {
    if (typeof prop !== 'string') return undefined;
    return target[prop] ?? ((...args: unknown[]) => make({ kind: prop, args }));
  },
});

export default z;
