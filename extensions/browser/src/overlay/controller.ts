/**
 * Runs the overlay on one page: finds the fields, lints the template on each change (batched to one
 * animation frame), keeps underlines aligned and renders the panel and cards. Every event handler is
 * wrapped so nothing Greenlight does can throw into the host page.
 */
import type { ResolvedConfig } from '@greenlight/core';
import { h, render } from 'preact';
import { contentEditableModel, offsetOfPoint, rangeForOffsets, readText, type TextModel } from '../dom/editables';
import { discover, readFields, type Discovery, type FieldBinding } from '../dom/locate';
import { countLabel, t } from '../i18n';
import type { Engine } from '../engine/api';
import type { CategoryInfo, Finding } from '../lint/types';
import type { SiteDefinition } from '../sites/types';
import { clippingAncestors, mirrorStyle, rangeRects, visibleClip, type MirrorStyle, type Rect } from './geometry';
import { applyEdit, selectRange } from './fix';
import { HIGHLIGHT_CSS } from './highlight-css';
import { OverlayApp, type BoxView, type MirrorView, type OverlayActions, type OverlayView } from './ui';

export interface OverlayOptions {
  container: HTMLElement;
  /** The shadow host, so Greenlight's own nodes are never taken for page fields. */
  host: HTMLElement;
  sites: SiteDefinition[];
  /** The resolved team/admin config; undefined until the background stored one (the preset applies). */
  config: ResolvedConfig | undefined;
  /** Loads the engine chunk; called once, when the first template field is found. */
  loadEngine: () => Promise<Engine>;
  /** How the engine arrived (import, injected by the background, already present), for the debug hook. */
  engineSource?: () => string | undefined;
  /** A field picked from the context menu, linted as the body. */
  forcedBody?: HTMLElement | null;
  /** Called with the finding count after each lint (badge, popup). */
  onCount?: (n: number) => void;
  /** Rendering mode for contenteditable underlines; `auto` uses the Custom Highlight API when present. */
  highlightMode?: 'auto' | 'boxes';
}

interface FieldGeometry {
  ancestors: Element[];
  style: MirrorStyle | undefined;
  styleKey: string;
}

interface FieldPaint {
  el: HTMLElement;
  marksSig: string;
  mirror?: MirrorView;
  scroll?: { top: number; left: number };
  ranges?: { key: string; severity: Finding['severity']; range: Range }[];
}

const sameRect = (a: Rect, b: Rect) => a.left === b.left && a.top === b.top && a.width === b.width && a.height === b.height;

type Flags = { discover?: boolean; lint?: boolean; layout?: boolean; restyle?: boolean; input?: boolean };

const HIGHLIGHT_NAMES = { error: 'greenlight-error', warning: 'greenlight-warning', info: 'greenlight-info' } as const;
const MAX_TIMINGS = 2000;

/** Runs a handler, swallowing (and logging) any error: the host page must never see ours. */
function guard<A extends unknown[]>(fn: (...a: A) => void): (...a: A) => void {
  return (...a: A) => {
    try {
      fn(...a);
    } catch (e) {
      console.debug('[greenlight]', e);
    }
  };
}

export class OverlayController {
  private discovery: Discovery | undefined;
  private findings: Finding[] = [];
  private category: CategoryInfo = { selected: undefined, predicted: undefined, reasons: [] };
  private lintedTexts = new Map<string, string>();
  private lintKey = '';
  private geometry = new Map<HTMLElement, FieldGeometry>();
  /** Underline geometry per finding, measured lazily (hover, card, debug) so typing costs one layout. */
  private hitSources = new Map<string, () => Rect[]>();
  private hitCache = new Map<string, Rect[]>();
  private mirrorScroll = new WeakMap<Element, { top: number; left: number }>();
  private models = new Map<string, TextModel>();
  /** What was painted per field last frame, reused while the field is unchanged. */
  private fieldPaint = new Map<string, FieldPaint>();
  /** Fields edited (input events, DOM mutations inside them) since the last paint. */
  private dirty = new Set<string>();
  private flags: Flags = {};
  private frameId = 0;
  private card: { key: string; pinned: boolean } | null = null;
  private cardInside = false;
  private hideTimer = 0;
  private panelOpen = true;
  private announce = '';
  private announceTimer = 0;
  private message = '';
  private mouse: { x: number; y: number; target: EventTarget | null } | null = null;
  private observer: MutationObserver | undefined;
  private resizeObserver: ResizeObserver | undefined;
  private pollTimer = 0;
  private cleanups: (() => void)[] = [];
  private highlightStyle: HTMLStyleElement | undefined;
  private useHighlights: boolean;
  private lastInputAt = 0;
  private lastCount = -1;
  /**
   * Each frame that linted after an input event, for the benchmark (ms): the whole frame, the lint
   * step (read the fields, engine, map findings), the engine alone, and the paint.
   */
  readonly keystrokes: { total: number; lint: number; engine: number; paint: number }[] = [];
  private engineMs = 0;
  /** How many times the engine ran (the e2e checks that unchanged text is not linted again). */
  private lintRuns = 0;
  private stopped = false;
  private engine: Engine | undefined;
  private engineState: 'idle' | 'loading' | 'ready' | 'failed' = 'idle';
  /** When fields were first found, the engine was ready and the first lint done (performance.now()). */
  private engineTimes: { detectedAt?: number; readyAt?: number; firstLintAt?: number } = {};

  constructor(private opts: OverlayOptions) {
    this.useHighlights = opts.highlightMode !== 'boxes' && typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
  }

  private startedAt = 0;

  start(): void {
    this.startedAt = performance.now();
    const doc = document;
    const on = <K extends keyof DocumentEventMap>(target: Document | Window, type: K, fn: (e: DocumentEventMap[K]) => void, options: AddEventListenerOptions) => {
      const g = guard(fn as (e: Event) => void);
      target.addEventListener(type, g, options);
      this.cleanups.push(() => target.removeEventListener(type, g, options));
    };
    on(doc, 'input', (e) => this.onInput(e), { capture: true, passive: true });
    on(doc, 'change', () => this.schedule({ discover: true, lint: true }), { capture: true, passive: true });
    on(doc, 'scroll', () => this.schedule({ layout: true }), { capture: true, passive: true });
    on(window, 'resize', () => this.schedule({ layout: true, restyle: true }), { passive: true });
    on(doc, 'mousemove', (e) => this.onMouseMove(e), { capture: true, passive: true });
    on(doc, 'keyup', (e) => this.onCaretKey(e), { capture: true, passive: true });
    on(doc, 'mouseup', (e) => this.onCaretClick(e), { capture: true, passive: true });
    on(doc, 'focusin', () => this.schedule({ discover: !this.discovery || this.discovery.fields.length === 0 }), { capture: true, passive: true });
    on(doc, 'keydown', (e) => {
      if (e.key === 'Escape' && this.card) this.setCard(null);
    }, { capture: true, passive: true });
    on(doc, 'greenlight:debug' as keyof DocumentEventMap, () => this.writeDebugState(), { passive: true });
    if (doc.fonts) {
      const f = guard(() => this.schedule({ layout: true, restyle: true }));
      doc.fonts.addEventListener('loadingdone', f);
      this.cleanups.push(() => doc.fonts.removeEventListener('loadingdone', f));
    }
    this.observer = new MutationObserver(guard((records: MutationRecord[]) => this.onMutations(records)));
    this.observer.observe(doc.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['aria-checked', 'aria-selected', 'aria-pressed', 'checked', 'contenteditable', 'hidden', 'aria-hidden', 'disabled', 'style'],
    });
    this.resizeObserver = new ResizeObserver(guard(() => this.schedule({ layout: true, restyle: true })));
    // Editors that do not emit events (or move without scrolling) are caught by a slow poll.
    this.pollTimer = window.setInterval(guard(() => this.poll()), 1000);
    if (this.useHighlights) {
      this.highlightStyle = doc.createElement('style');
      this.highlightStyle.dataset.greenlight = 'highlights';
      this.highlightStyle.textContent = HIGHLIGHT_CSS;
      (doc.head ?? doc.documentElement).append(this.highlightStyle);
    }
    this.schedule({ discover: true, lint: true });
  }

  stop(): void {
    this.stopped = true;
    cancelAnimationFrame(this.frameId);
    clearInterval(this.pollTimer);
    clearTimeout(this.hideTimer);
    clearTimeout(this.announceTimer);
    clearTimeout(this.settleTimer);
    this.observer?.disconnect();
    this.resizeObserver?.disconnect();
    for (const c of this.cleanups) c();
    this.cleanups = [];
    if (this.useHighlights) for (const name of Object.values(HIGHLIGHT_NAMES)) CSS.highlights.delete(name);
    this.highlightStyle?.remove();
    render(null, this.opts.container);
    this.opts.onCount?.(0);
  }

  setConfig(config: ResolvedConfig | undefined): void {
    this.opts.config = config;
    this.lintKey = '';
    this.schedule({ lint: true });
  }

  setSites(sites: SiteDefinition[]): void {
    this.opts.sites = sites;
    this.schedule({ discover: true, lint: true });
  }

  get count(): number {
    return this.findings.length;
  }

  // ---- events -------------------------------------------------------------------------------

  private bindingOf(target: EventTarget | null): FieldBinding | undefined {
    if (!(target instanceof Node) || !this.discovery) return undefined;
    for (const f of this.discovery.fields) if (f.el === target || f.el.contains(target)) return f;
    return undefined;
  }

  private isOurs(node: Node): boolean {
    return node === this.opts.host || this.opts.host.contains(node) || node === this.highlightStyle;
  }

  private onInput(e: Event): void {
    if (e.target instanceof Node && this.isOurs(e.target)) return;
    this.lastInputAt = performance.now();
    const b = this.bindingOf(e.target);
    if (b) this.dirty.add(b.id);
    this.schedule({ lint: true, input: true, discover: !b });
  }

  private onMutations(records: MutationRecord[]): void {
    let discover = false;
    let lint = false;
    for (const r of records) {
      if (this.isOurs(r.target)) continue;
      if (r.type === 'attributes') {
        discover = true;
        continue;
      }
      const b = this.bindingOf(r.target);
      if (b) {
        // Text changed inside a known field (contenteditable editors re-render their nodes).
        this.dirty.add(b.id);
        lint = true;
        continue;
      }
      for (const n of [...r.addedNodes, ...r.removedNodes]) {
        if (n.nodeType === 1 && !this.isOurs(n)) {
          discover = true;
          break;
        }
      }
    }
    if (discover || lint) this.schedule({ discover, lint: true });
  }

  private poll(): void {
    if (!this.discovery) return;
    if (this.discovery.fields.some((f) => !f.el.isConnected)) this.schedule({ discover: true, lint: true });
    else if (this.findings.length) this.schedule({ layout: true });
  }

  private onMouseMove(e: MouseEvent): void {
    if (e.target instanceof Node && this.isOurs(e.target)) return;
    this.mouse = { x: e.clientX, y: e.clientY, target: e.target };
    const b = this.bindingOf(e.target);
    const hit = b ? this.hitTest(e.clientX, e.clientY, b.id) : undefined;
    if (hit) {
      clearTimeout(this.hideTimer);
      if (this.card?.key !== hit) this.setCard({ key: hit, pinned: false });
    } else if (this.card && !this.card.pinned && !this.cardInside) {
      this.deferHide();
    }
  }

  private hitTest(x: number, y: number, field: string): string | undefined {
    for (const f of this.findings) {
      if (f.at?.field !== field) continue;
      for (const r of this.rectsOf(f.key)) {
        // A few pixels of slack below the line, where the underline is drawn.
        if (x >= r.left && x <= r.left + r.width && y >= r.top && y <= r.top + r.height + 3) return f.key;
      }
    }
    return undefined;
  }

  private deferHide(): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = window.setTimeout(
      guard(() => {
        if (!this.cardInside) this.setCard(null);
      }),
      300,
    );
  }

  /** Arrow keys or a click that puts the caret inside an underline open its card. */
  private onCaretKey(e: KeyboardEvent): void {
    if (!/^(Arrow|Home|End|Page)/.test(e.key)) return;
    this.caretCard(e.target);
  }

  private onCaretClick(e: MouseEvent): void {
    if (e.button === 0) this.caretCard(e.target);
  }

  private caretCard(target: EventTarget | null): void {
    const b = this.bindingOf(target);
    if (!b) return;
    let caret: number | undefined;
    if (b.editable === 'contenteditable') {
      const sel = document.getSelection();
      if (sel && sel.isCollapsed && sel.focusNode && b.el.contains(sel.focusNode)) caret = offsetOfPoint(contentEditableModel(b.el), sel.focusNode, sel.focusOffset);
    } else {
      const el = b.el as HTMLInputElement;
      if (el.selectionStart === el.selectionEnd) caret = el.selectionStart ?? undefined;
    }
    if (caret === undefined) return;
    const f = this.findings.find((x) => x.at?.field === b.id && caret! >= x.at.start && caret! <= x.at.end && x.at.end > x.at.start);
    if (f) this.setCard({ key: f.key, pinned: true });
    else if (this.card) this.setCard(null);
  }

  private setCard(card: { key: string; pinned: boolean } | null): void {
    this.card = card;
    if (!card) this.cardInside = false;
    this.schedule({});
  }

  // ---- actions ------------------------------------------------------------------------------

  private actions: OverlayActions = {
    fix: guard((f: Finding) => this.applyFix(f)),
    reveal: guard((stale: Finding) => {
      const f = this.current(stale);
      if (!f) return;
      const b = f.at && this.discovery?.fields.find((x) => x.id === f.at!.field);
      if (!b || !f.at) return;
      b.el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      selectRange(b.el, b.editable, f.at.start, f.at.end);
      this.setCard({ key: f.key, pinned: true });
      this.schedule({ layout: true });
    }),
    focusFinding: guard((stale: Finding) => {
      const f = this.current(stale);
      if (f?.at) this.setCard({ key: f.key, pinned: true });
    }),
    closeCard: guard(() => this.setCard(null)),
    cardHover: guard((inside: boolean) => {
      this.cardInside = inside;
      if (inside) clearTimeout(this.hideTimer);
      else if (this.card && !this.card.pinned) this.deferHide();
    }),
    togglePanel: guard(() => {
      this.panelOpen = !this.panelOpen;
      this.schedule({});
    }),
  };

  /** The current version of a finding the panel rendered earlier (offsets move as the user types). */
  private current(f: Finding): Finding | undefined {
    return this.findings.find((x) => x.key === f.key) ?? this.findings.find((x) => x.ruleId === f.ruleId && x.messageId === f.messageId && x.at?.field === f.at?.field && x.message === f.message);
  }

  private applyFix(stale: Finding): void {
    const f = this.current(stale);
    if (!f) return;
    const fix = f.fix;
    const b = fix && this.discovery?.fields.find((x) => x.id === fix.field);
    if (!fix || !b) return;
    const current = readText(b.el, b.editable);
    // The finding was computed on this exact text; if the user typed since, re-lint instead.
    if (current !== this.lintedTexts.get(b.id)) {
      this.message = t('fixStale');
      this.schedule({ lint: true });
      return;
    }
    const ok = applyEdit(b.el, b.editable, fix.start, fix.end, fix.text);
    this.message = ok ? '' : t('fixFailed');
    this.card = null;
    this.schedule({ lint: true, discover: true });
  }

  // ---- frame --------------------------------------------------------------------------------

  private schedule(flags: Flags): void {
    if (this.stopped) return;
    Object.assign(this.flags, Object.fromEntries(Object.entries(flags).filter(([, v]) => v)));
    if (!this.frameId) this.frameId = requestAnimationFrame(guard(() => this.frame()));
  }

  private frame(): void {
    this.frameId = 0;
    if (this.stopped) return;
    const t0 = performance.now();
    const flags = this.flags;
    this.flags = {};
    if (flags.discover || !this.discovery) this.rediscover();
    if (this.engineState === 'idle' && this.discovery!.fields.length > 0) this.startEngine();
    let linted = false;
    this.engineMs = 0;
    if (flags.lint || flags.discover) linted = this.lint();
    const t1 = performance.now();
    this.paint(flags.restyle ?? false, !!(flags.layout || flags.discover));
    if (flags.input && linted) {
      const t2 = performance.now();
      this.keystrokes.push({ total: t2 - t0, lint: t1 - t0, engine: this.engineMs, paint: t2 - t1 });
      if (this.keystrokes.length > MAX_TIMINGS) this.keystrokes.splice(0, this.keystrokes.length - MAX_TIMINGS);
    }
  }

  /** Loads the engine the first time an editor shows up; lints as soon as it is there. */
  private startEngine(): void {
    this.engineState = 'loading';
    this.engineTimes.detectedAt = performance.now();
    this.opts.loadEngine().then(
      guard((engine: Engine) => {
        if (this.stopped) return;
        this.engine = engine;
        this.engineState = 'ready';
        this.engineTimes.readyAt = performance.now();
        this.lintKey = '';
        this.schedule({ lint: true });
      }),
      guard((e: unknown) => {
        console.debug('[greenlight] engine failed to load', e);
        if (this.stopped) return;
        this.engineState = 'failed';
        this.message = t('engineFailed');
        this.schedule({});
      }),
    );
  }

  private rediscover(): void {
    const d = discover(document, { sites: this.opts.sites, isOverlay: (el) => this.isOurs(el), forcedBody: this.opts.forcedBody });
    const prev = new Set(this.discovery?.fields.map((f) => f.el) ?? []);
    this.discovery = d;
    const now = new Set(d.fields.map((f) => f.el));
    for (const el of prev) if (!now.has(el)) {
      this.resizeObserver?.unobserve(el);
      this.geometry.delete(el);
    }
    for (const el of now) if (!prev.has(el)) this.resizeObserver?.observe(el);
  }

  /** Lints when the template text changed; returns whether it ran. */
  private lint(): boolean {
    const d = this.discovery!;
    // Until the engine is there the panel says so; the text is linted once it arrives.
    if (!this.engine && d.fields.length > 0) return false;
    const { fields, texts } = readFields(d);
    this.models.clear();
    const key = JSON.stringify(fields);
    if (key === this.lintKey) return false;
    this.lintKey = key;
    this.lintedTexts = texts;
    if (d.fields.length === 0) {
      this.findings = [];
      this.category = { selected: undefined, predicted: undefined, reasons: [] };
    } else {
      const l0 = performance.now();
      const out = this.engine!.lint(fields, this.opts.config);
      this.lintRuns++;
      this.engineMs = performance.now() - l0;
      this.findings = out.findings;
      this.category = out.category;
    }
    if (this.engineTimes.firstLintAt === undefined && this.engine) this.engineTimes.firstLintAt = performance.now();
    if (this.card && !this.findings.some((f) => f.key === this.card!.key)) this.card = null;
    if (this.findings.length !== this.lastCount) {
      this.lastCount = this.findings.length;
      this.opts.onCount?.(this.findings.length);
    }
    // Screen readers hear the count once typing pauses, not on every keystroke.
    clearTimeout(this.announceTimer);
    this.announceTimer = window.setTimeout(
      guard(() => {
        this.announce = countLabel(this.findings.length);
        this.schedule({});
      }),
      800,
    );
    return true;
  }

  private settleTimer = 0;

  /** Re-measures every field shortly after the last keystroke. */
  private settleLater(): void {
    clearTimeout(this.settleTimer);
    this.settleTimer = window.setTimeout(guard(() => this.schedule({ layout: true })), 150);
  }

  private modelOf(b: FieldBinding): TextModel {
    let m = this.models.get(b.id);
    if (!m) this.models.set(b.id, (m = contentEditableModel(b.el)));
    return m;
  }

  private geometryOf(el: HTMLElement, single: boolean, restyle: boolean): FieldGeometry {
    let g = this.geometry.get(el);
    if (!g || restyle) {
      const style = el.tagName === 'TEXTAREA' || el.tagName === 'INPUT' ? mirrorStyle(el, single) : undefined;
      g = { ancestors: clippingAncestors(el), style, styleKey: style ? JSON.stringify(style) : '' };
      this.geometry.set(el, g);
    }
    return g;
  }

  /**
   * Draws the underlines. Reads come first (geometry of the fields that need it), then all writes
   * (highlights, one preact render, mirror scroll positions), so a frame forces at most one layout.
   * On a keystroke only the edited field is measured again; the others keep their geometry until a
   * scroll, resize, DOM change or the periodic check says otherwise. A field whose text, findings
   * and geometry did not change keeps its view object, so its mirror is not re-rendered.
   */
  private paint(restyle: boolean, measureAll: boolean): void {
    const d = this.discovery;
    const mirrors: MirrorView[] = [];
    const boxes: BoxView[] = [];
    let highlightsChanged = false;
    this.hitSources.clear();
    this.hitCache.clear();
    const byField = new Map<string, Finding[]>();
    for (const f of this.findings) {
      if (!f.at) continue;
      const list = byField.get(f.at.field);
      if (list) list.push(f);
      else byField.set(f.at.field, [f]);
    }
    const painted = new Set<string>();
    for (const b of d?.fields ?? []) {
      const list = byField.get(b.id);
      if (!list || !b.el.isConnected) continue;
      const prev = this.fieldPaint.get(b.id);
      const dirty = this.dirty.has(b.id);
      const remeasure = measureAll || restyle || !prev || prev.el !== b.el;
      const marksSig = list.map((f) => `${f.key}\u0001${f.severity}`).join('\u0000');
      const g = this.geometryOf(b.el, b.editable === 'input', restyle);
      if (b.editable !== 'contenteditable') {
        let clip = prev?.mirror?.clip;
        let box = prev?.mirror?.box;
        let scroll = prev?.scroll;
        // Typing does not move a field: its own scrolling (scroll event) and growth (ResizeObserver)
        // arrive as layout changes. So an edited field is measured again once typing pauses, and this
        // frame forces no layout before the browser's own.
        if (dirty && !remeasure) this.settleLater();
        if (remeasure || !clip || !box || !scroll) {
          clip = visibleClip(b.el, g.ancestors);
          const r = b.el.getBoundingClientRect();
          box = { left: r.left, top: r.top, width: r.width, height: r.height };
          scroll = { top: b.el.scrollTop, left: b.el.scrollLeft };
        }
        if (!clip) continue;
        const text = (b.el as HTMLInputElement).value;
        const pm = prev?.mirror;
        const same = pm && pm.text === text && pm.marksSig === marksSig && pm.styleKey === g.styleKey && sameRect(pm.clip, clip) && sameRect(pm.box, box);
        const mirror: MirrorView = same
          ? pm
          : {
              field: b.id,
              clip,
              box,
              style: { ...g.style!, width: `${box.width}px`, height: `${box.height}px` },
              styleKey: g.styleKey,
              text,
              marks: list.map((f) => ({ key: f.key, start: f.at!.start, end: Math.max(f.at!.end, f.at!.start + 1), severity: f.severity })),
              marksSig,
            };
        mirrors.push(mirror);
        this.fieldPaint.set(b.id, { el: b.el, marksSig, mirror, scroll });
        painted.add(b.id);
        continue;
      }
      // contenteditable: DOM ranges over the field's text nodes, rebuilt when its DOM may have changed.
      let ranges = prev?.ranges;
      if (remeasure || dirty || !ranges || prev.marksSig !== marksSig) {
        const model = this.modelOf(b);
        ranges = [];
        for (const f of list) {
          const end = f.at!.end > f.at!.start ? f.at!.end : Math.min(model.text.length, f.at!.start + 1);
          const range = rangeForOffsets(model, f.at!.start, end);
          if (range) ranges.push({ key: f.key, severity: f.severity, range });
        }
        highlightsChanged = true;
      }
      this.fieldPaint.set(b.id, { el: b.el, marksSig, ranges });
      painted.add(b.id);
      const clip = this.useHighlights ? undefined : visibleClip(b.el, g.ancestors);
      for (const { key, severity, range } of ranges) {
        if (this.useHighlights) {
          this.hitSources.set(key, () => {
            const c = visibleClip(b.el, g.ancestors);
            return c ? rangeRects(range, c) : [];
          });
        } else {
          // Boxes are drawn from the rects, so they are measured now.
          const rects = clip ? rangeRects(range, clip) : [];
          this.hitCache.set(key, rects);
          boxes.push({ key, severity, rects });
        }
      }
    }
    for (const id of [...this.fieldPaint.keys()]) {
      if (painted.has(id)) continue;
      if (this.fieldPaint.get(id)!.ranges) highlightsChanged = true;
      this.fieldPaint.delete(id);
    }
    this.dirty.clear();
    if (this.useHighlights && highlightsChanged) {
      const bySeverity: Record<keyof typeof HIGHLIGHT_NAMES, Range[]> = { error: [], warning: [], info: [] };
      for (const p of this.fieldPaint.values()) for (const r of p.ranges ?? []) bySeverity[r.severity].push(r.range);
      for (const [sev, name] of Object.entries(HIGHLIGHT_NAMES) as [keyof typeof HIGHLIGHT_NAMES, string][]) {
        const ranges = bySeverity[sev];
        if (ranges.length) CSS.highlights.set(name, new Highlight(...ranges));
        else CSS.highlights.delete(name);
      }
    }
    const cardFinding = this.card ? this.findings.find((f) => f.key === this.card!.key) : undefined;
    const view: OverlayView = {
      findings: this.findings,
      category: this.category,
      mirrors,
      boxes,
      card: null,
      panelOpen: this.panelOpen,
      announce: this.announce,
      message: this.message,
      hasFields: (d?.fields.length ?? 0) > 0,
      loading: this.engineState === 'loading',
    };
    render(h(OverlayApp, { v: view, actions: this.actions }), this.opts.container);
    // Mirrors follow their field's scroll position (written only when it changed: a write forces layout).
    for (const m of mirrors) {
      const el = this.opts.container.querySelector<HTMLElement>(`.gl-mirror[data-field="${CSS.escape(m.field)}"]`);
      if (!el) continue;
      const want = this.fieldPaint.get(m.field)!.scroll!;
      const last = this.mirrorScroll.get(el);
      if (!last || last.top !== want.top || last.left !== want.left) {
        el.scrollTop = want.top;
        el.scrollLeft = want.left;
        this.mirrorScroll.set(el, want);
      }
      for (const mark of m.marks) {
        this.hitSources.set(mark.key, () => {
          const out: Rect[] = [];
          for (const span of el.querySelectorAll<HTMLElement>('.gl-u')) {
            if ((span.dataset.keys ?? '').split(' ').includes(mark.key)) out.push(...rangeRects(rangeOfElement(span), m.clip));
          }
          return out;
        });
      }
    }
    if (cardFinding) {
      const anchor = this.rectsOf(cardFinding.key)[0] ?? this.fieldRect(cardFinding);
      if (anchor) {
        view.card = { finding: cardFinding, anchor };
        render(h(OverlayApp, { v: view, actions: this.actions }), this.opts.container);
      }
    }
  }

  private rectsOf(key: string): Rect[] {
    let r = this.hitCache.get(key);
    if (!r) {
      r = this.hitSources.get(key)?.() ?? [];
      this.hitCache.set(key, r);
    }
    return r;
  }

  private fieldRect(f: Finding): Rect | undefined {
    const b = f.at && this.discovery?.fields.find((x) => x.id === f.at!.field);
    if (!b) return undefined;
    const r = b.el.getBoundingClientRect();
    return { left: r.left, top: r.top, width: r.width, height: r.height };
  }

  // ---- debug hook (benchmark and e2e) ---------------------------------------------------------

  /** Writes the overlay's state to an attribute when the page asks with a `greenlight:debug` event. */
  private writeDebugState(): void {
    if (!document.documentElement.hasAttribute('data-greenlight-debug')) return;
    const state = {
      mode: this.useHighlights ? 'highlight' : 'boxes',
      fields: this.discovery?.fields.map((f) => ({ id: f.id, editable: f.editable, tag: f.el.tagName, elId: f.el.id })) ?? [],
      category: this.category,
      language: this.discovery?.language,
      findings: this.findings.map((f) => ({ key: f.key, ruleId: f.ruleId, severity: f.severity, at: f.at, fix: f.fix, rects: this.rectsOf(f.key) })),
      keystrokes: this.keystrokes,
      lintRuns: this.lintRuns,
      initMs: (globalThis as { __greenlightInit?: number }).__greenlightInit,
      engine: { state: this.engineState, via: this.opts.engineSource?.(), ...this.engineTimes },
      startedAt: this.startedAt,
    };
    document.documentElement.setAttribute('data-greenlight-state', JSON.stringify(state));
  }
}

function rangeOfElement(el: Element): Range {
  const r = document.createRange();
  r.selectNodeContents(el);
  return r;
}
