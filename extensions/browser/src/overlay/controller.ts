/**
 * Runs the overlay on one page: finds the fields, lints the template on each change (batched to one
 * animation frame), keeps underlines aligned and renders the panel and cards. Every event handler is
 * wrapped so nothing Greenlight does can throw into the host page.
 */
import type { ResolvedConfig, TemplateFields } from '@greenlight/core';
import { h, render } from 'preact';
import { contentEditableModel, offsetOfPoint, rangeForOffsets, readText, type TextModel } from '../dom/editables';
import { discover, readFields, type Discovery, type FieldBinding } from '../dom/locate';
import { countLabel, t } from '../i18n';
import type { Engine } from '../engine/api';
import type { CategoryInfo, Finding } from '../lint/types';
import type { SiteDefinition } from '../sites/types';
import { Deadlines } from './deadlines';
import { clippingAncestors, mirrorStyle, rangeRects, toRect, visibleClip, type MirrorStyle, type Rect } from './geometry';
import { applyEdit, selectRange } from './fix';
import { HIGHLIGHT_CSS } from './highlight-css';
import { FieldMirror, splitPieces, type MirrorMark } from './mirror';
import { OverlayApp, panelSlots, samePanelContent, type BoxView, type OverlayActions, type OverlayView } from './ui';

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

/** A contenteditable field's underlines: DOM ranges over its text nodes. */
interface FieldPaint {
  el: HTMLElement;
  list: Finding[];
  ranges: { key: string; severity: Finding['severity']; range: Range }[];
}

/** A textarea/input field's mirror and what it was last drawn from. */
interface MirrorEntry {
  mirror: FieldMirror;
  text: string;
  list: Finding[];
}

/**
 * What a frame does: find fields, lint, re-measure every field, re-read every field's styles, after
 * an input event; `poll` is the periodic check (re-measure and re-read styles), which waits for a
 * frame without a keystroke.
 */
type Flags = { discover?: boolean; lint?: boolean; layout?: boolean; restyle?: boolean; input?: boolean; poll?: boolean };

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
  /** The fields last linted; undefined makes the next frame lint again (config or engine changed). */
  private lintedFields: TemplateFields | undefined;
  /** The findings per field and by key, and what the panel shows of them; set by each lint. */
  private byField = new Map<string, Finding[]>();
  private byKey = new Map<string, Finding>();
  /** Counts changes to what the panel lists, so a frame compares a number instead of the list. */
  private panelContent = 0;
  private geometry = new Map<HTMLElement, FieldGeometry>();
  /** Underline geometry per finding, measured lazily (hover, card, debug), dropped every frame. */
  private hitCache = new Map<string, Rect[]>();
  private models = new Map<string, TextModel>();
  /** contenteditable underlines, reused while the field and its findings are unchanged. */
  private fieldPaint = new Map<string, FieldPaint>();
  /** textarea/input mirrors, patched in place from frame to frame. */
  private mirrors = new Map<string, MirrorEntry>();
  /** Greenlight's own nodes: the mirror layer (kept by hand) and the root preact renders into. */
  private mirrorLayer: HTMLDivElement | undefined;
  private appRoot: HTMLDivElement | undefined;
  /** The last view handed to preact, so a frame that changes nothing the panel shows skips rendering. */
  private lastView: { panel: PanelState; sig: number; boxes: BoxView[]; card: OverlayView['card'] } | undefined;
  private boxes: BoxView[] = [];
  private cardAnchor: { key: string; anchor: Rect } | undefined;
  /** Fields edited (input events, DOM mutations inside them) since the last paint. */
  private dirty = new Set<string>();
  /** Fields that scrolled their own content (their box did not move). */
  private scrolled = new Set<string>();
  /** Fields whose size or style attribute changed: their styles are read again (a scrollbar may have come). */
  private restyled = new Set<Element>();
  private deadlines = new Deadlines();
  private flags: Flags = {};
  private frameId = 0;
  private card: { key: string; pinned: boolean } | null = null;
  private cardInside = false;
  private hideTimer = 0;
  private panelOpen = true;
  private announce = '';
  private message = '';
  private mouse: { x: number; y: number; target: EventTarget | null } | null = null;
  private observer: MutationObserver | undefined;
  private resizeObserver: ResizeObserver | undefined;
  private pollTimer = 0;
  private cleanups: (() => void)[] = [];
  private highlightStyle: HTMLStyleElement | undefined;
  private highlights: Partial<Record<keyof typeof HIGHLIGHT_NAMES, Highlight>> = {};
  private useHighlights: boolean;
  private lastCount = -1;
  /**
   * Each frame that linted after an input event, for the benchmark (ms): the whole frame, the lint
   * step (read the fields, engine, map findings), the engine alone, the paint, and the panel render
   * that followed the frame when the keystroke changed what the panel lists.
   */
  readonly keystrokes: { total: number; lint: number; engine: number; paint: number; panel?: number }[] = [];
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
    on(doc, 'scroll', (e) => this.onScroll(e), { capture: true, passive: true });
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
    this.resizeObserver = new ResizeObserver(
      guard((entries: ResizeObserverEntry[]) => {
        for (const e of entries) this.restyled.add(e.target);
        // Others may have moved with it (a growing body pushes the footer down).
        this.schedule({ layout: true });
      }),
    );
    const layer = doc.createElement('div');
    layer.className = 'gl-layer';
    layer.setAttribute('aria-hidden', 'true');
    this.mirrorLayer = layer;
    this.appRoot = doc.createElement('div');
    this.opts.container.append(layer, this.appRoot);
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
    clearTimeout(this.panelTask);
    this.deadlines.clear();
    this.observer?.disconnect();
    this.resizeObserver?.disconnect();
    for (const c of this.cleanups) c();
    this.cleanups = [];
    if (this.useHighlights) for (const name of Object.values(HIGHLIGHT_NAMES)) CSS.highlights.delete(name);
    this.highlightStyle?.remove();
    if (this.appRoot) render(null, this.appRoot);
    this.appRoot?.remove();
    this.mirrorLayer?.remove();
    this.mirrors.clear();
    this.opts.onCount?.(0);
  }

  setConfig(config: ResolvedConfig | undefined): void {
    this.opts.config = config;
    this.lintedFields = undefined;
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
        // An inline style on a field may change its font or padding.
        if (r.attributeName === 'style' && this.discovery?.fields.some((f) => f.el === r.target)) this.restyled.add(r.target as Element);
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

  /** A field scrolling its own text moves only its underlines; anything else may move every field. */
  private onScroll(e: Event): void {
    const t = e.target;
    const b = t instanceof HTMLElement ? this.discovery?.fields.find((f) => f.el === t) : undefined;
    if (b && b.editable !== 'contenteditable') {
      this.scrolled.add(b.id);
      this.schedule({});
    } else this.schedule({ layout: true });
  }

  private poll(): void {
    if (!this.discovery) return;
    if (this.discovery.fields.some((f) => !f.el.isConnected)) this.schedule({ discover: true, lint: true });
    // Fields that moved without an event, or whose styles changed through a class (not observed).
    else if (this.findings.length) this.schedule({ poll: true });
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
    for (const f of this.byField.get(field) ?? []) {
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
    fix: guard((f: Finding, slot?: string) => this.applyFix(f, slot)),
    reveal: guard((stale: Finding, slot?: string) => {
      const f = this.current(stale, slot);
      if (!f) return;
      const b = f.at && this.discovery?.fields.find((x) => x.id === f.at!.field);
      if (!b || !f.at) return;
      b.el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      selectRange(b.el, b.editable, f.at.start, f.at.end);
      this.setCard({ key: f.key, pinned: true });
      this.schedule({ layout: true });
    }),
    focusFinding: guard((stale: Finding, slot?: string) => {
      const f = this.current(stale, slot);
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

  /**
   * The current version of a finding the panel rendered earlier (offsets move as the user types;
   * the panel does not re-render for that). Its entry's slot tells repeated findings apart.
   */
  private current(f: Finding, slot?: string): Finding | undefined {
    const same = this.byKey.get(f.key);
    if (same) return same;
    if (slot) {
      const i = panelSlots(this.findings).indexOf(slot);
      if (i >= 0) return this.findings[i];
    }
    return this.findings.find((x) => x.ruleId === f.ruleId && x.messageId === f.messageId && x.at?.field === f.at?.field && x.message === f.message);
  }

  private applyFix(stale: Finding, slot?: string): void {
    const f = this.current(stale, slot);
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
    for (const k in flags) if (flags[k as keyof Flags]) this.flags[k as keyof Flags] = true;
    if (!this.frameId) this.frameId = requestAnimationFrame(guard(() => this.frame()));
  }

  private frame(): void {
    this.frameId = 0;
    if (this.stopped) return;
    const t0 = performance.now();
    const flags = this.flags;
    this.flags = {};
    if (flags.poll && flags.input) {
      // Nothing urgent: the check runs in the next frame rather than on top of a keystroke's.
      flags.poll = false;
      this.schedule({ poll: true });
    }
    if (flags.discover || !this.discovery) this.rediscover();
    if (this.engineState === 'idle' && this.discovery!.fields.length > 0) this.startEngine();
    let linted = false;
    this.engineMs = 0;
    if (flags.lint || flags.discover) linted = this.lint();
    const t1 = performance.now();
    this.paint(flags);
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
        this.lintedFields = undefined;
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
    if (this.lintedFields && sameData(this.lintedFields, fields)) return false;
    this.lintedFields = fields;
    this.lintedTexts = texts;
    const prevFindings = this.findings;
    const prevCategory = this.category;
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
    this.byField.clear();
    this.byKey.clear();
    for (const f of this.findings) {
      this.byKey.set(f.key, f);
      if (!f.at) continue;
      const list = this.byField.get(f.at.field);
      if (list) list.push(f);
      else this.byField.set(f.at.field, [f]);
    }
    if (!samePanelContent(prevFindings, prevCategory, this.findings, this.category)) this.panelContent++;
    if (this.engineTimes.firstLintAt === undefined && this.engine) this.engineTimes.firstLintAt = performance.now();
    if (this.card && !this.byKey.has(this.card.key)) this.card = null;
    // The badge and screen readers hear the count once typing pauses, not on every keystroke
    // (a message to the background costs more than the rest of the frame).
    if (this.lastCount === -1) this.reportCount();
    else this.deadlines.set('count', 250, () => this.reportCount());
    this.deadlines.set('announce', 800, () => {
      this.announce = countLabel(this.findings.length);
      this.schedule({});
    });
    return true;
  }

  private reportCount(): void {
    if (this.stopped || this.findings.length === this.lastCount) return;
    this.lastCount = this.findings.length;
    this.opts.onCount?.(this.findings.length);
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
   * Draws the underlines. All reads come first (styles and geometry of the fields that need it),
   * then all writes (mirror patches, highlights, one preact render when the panel or boxes changed),
   * so a frame forces at most one layout, and a keystroke frame usually none: the edited field keeps
   * its geometry (typing does not move a field; its own scrolling and growth arrive as scroll and
   * resize events) and is measured again once typing pauses.
   */
  private paint(flags: Flags): void {
    const d = this.discovery;
    const measureAll = !!(flags.layout || flags.discover || flags.restyle || flags.poll);
    this.hitCache.clear();
    // ---- reads
    const plans: { b: FieldBinding; entry: MirrorEntry | undefined; text: string; list: Finding[]; marks?: MirrorMark[]; g: FieldGeometry; clip?: Rect; box?: Rect; scroll?: { top: number; left: number }; measured: boolean }[] = [];
    const keep = new Set<string>();
    let highlightsChanged = false;
    let boxes: BoxView[] | undefined;
    for (const b of d?.fields ?? []) {
      const list = this.byField.get(b.id);
      if (!list || !b.el.isConnected) continue;
      const g0 = this.geometry.get(b.el);
      const restyle = !!(flags.restyle || flags.poll) || this.restyled.has(b.el);
      if (b.editable === 'contenteditable') {
        this.paintEditable(b, list, !!flags.discover);
        keep.add(b.id);
        continue;
      }
      let entry = this.mirrors.get(b.id);
      if (entry && entry.mirror.el !== b.el) entry = undefined;
      const value = (b.el as HTMLInputElement).value;
      // Nothing visible to underline (findings on an empty field, or past the end): no mirror at all.
      let lastEnd = -1;
      for (const f of list) if (f.at!.start < value.length) lastEnd = Math.max(lastEnd, Math.min(value.length, Math.max(f.at!.end, f.at!.start + 1)));
      if (lastEnd < 0) continue;
      // Text after the paragraph of the last underline cannot move any underline: the mirror stops
      // there, so typing further down (the usual place) leaves it untouched.
      const cut = value.indexOf('\n', lastEnd);
      const text = cut < 0 ? value : value.slice(0, cut);
      let marks: MirrorMark[] | undefined;
      if (!entry || entry.text !== text || entry.list !== list) {
        marks = list.map((f) => ({ start: f.at!.start, end: Math.max(f.at!.end, f.at!.start + 1), severity: f.severity }));
      }
      keep.add(b.id);
      const g = this.geometryOf(b.el, b.editable === 'input', restyle || !g0);
      const plan: (typeof plans)[number] = { b, entry, text, list, marks, g, measured: false };
      if (!entry || measureAll || restyle || !entry.mirror.measured) {
        plan.clip = visibleClip(b.el, g.ancestors);
        plan.box = toRect(b.el.getBoundingClientRect());
        plan.scroll = { top: b.el.scrollTop, left: b.el.scrollLeft };
        plan.measured = true;
      } else if (this.scrolled.has(b.id)) {
        plan.scroll = { top: b.el.scrollTop, left: b.el.scrollLeft };
      } else if (this.dirty.has(b.id)) {
        this.deadlines.set('settle', 150, () => this.schedule({ layout: true }));
      }
      plans.push(plan);
    }
    for (const [id, p] of this.fieldPaint) {
      if (keep.has(id)) {
        if (p.ranges !== this.paintedRanges.get(id)) highlightsChanged = true;
        continue;
      }
      highlightsChanged = true;
      this.fieldPaint.delete(id);
    }
    if (!this.useHighlights) boxes = this.measureBoxes();
    this.dirty.clear();
    this.scrolled.clear();
    this.restyled.clear();
    // ---- writes
    for (const p of plans) {
      let entry = p.entry;
      if (!entry) {
        this.mirrors.get(p.b.id)?.mirror.remove();
        entry = { mirror: new FieldMirror(document, p.b.id, p.b.el), text: '', list: [] };
        this.mirrors.set(p.b.id, entry);
      }
      const m = entry.mirror;
      m.setStyle(p.g.style!, p.g.styleKey);
      if (p.measured) {
        if (p.clip && p.box) m.place(p.clip, p.box);
        else m.hide();
      }
      if (p.scroll) m.scrollTo(p.scroll.top, p.scroll.left);
      if (p.marks) {
        m.setText(p.text, splitPieces(p.text.length, p.marks));
        entry.text = p.text;
        entry.list = p.list;
      }
      if (!m.clipEl.isConnected) this.mirrorLayer?.append(m.clipEl);
    }
    for (const [id, e] of this.mirrors) {
      if (keep.has(id) && e.mirror.el.isConnected) continue;
      e.mirror.remove();
      this.mirrors.delete(id);
    }
    if (this.useHighlights && highlightsChanged) this.applyHighlights();
    if (boxes) this.boxes = boxes;
    this.renderApp(measureAll || plans.some((p) => p.scroll), !!flags.input);
  }

  /** Ranges as handed to the highlights last time, per field. */
  private paintedRanges = new Map<string, FieldPaint['ranges']>();

  /** contenteditable: DOM ranges over the field's text nodes, rebuilt when its DOM or findings may have changed. */
  private paintEditable(b: FieldBinding, list: Finding[], discovered: boolean): void {
    const prev = this.fieldPaint.get(b.id);
    if (prev && prev.el === b.el && prev.list === list && !this.dirty.has(b.id) && !discovered) return;
    const model = this.modelOf(b);
    const ranges: FieldPaint['ranges'] = [];
    for (const f of list) {
      const end = f.at!.end > f.at!.start ? f.at!.end : Math.min(model.text.length, f.at!.start + 1);
      const range = rangeForOffsets(model, f.at!.start, end);
      if (range) ranges.push({ key: f.key, severity: f.severity, range });
    }
    // The same stretches as before (the old ranges are live, so the browser kept them where the text
    // went): keep them, so the highlights are not touched and nothing is repainted.
    if (prev && prev.el === b.el && sameRanges(prev.ranges, ranges)) {
      for (let i = 0; i < ranges.length; i++) prev.ranges[i]!.key = ranges[i]!.key;
      this.fieldPaint.set(b.id, { el: b.el, list, ranges: prev.ranges });
      return;
    }
    this.fieldPaint.set(b.id, { el: b.el, list, ranges });
  }

  /** Without the Highlight API, contenteditable underlines are boxes drawn from the ranges' rects. */
  private measureBoxes(): BoxView[] {
    const out: BoxView[] = [];
    for (const p of this.fieldPaint.values()) {
      const g = this.geometry.get(p.el) ?? this.geometryOf(p.el, false, false);
      const clip = p.el.isConnected ? visibleClip(p.el, g.ancestors) : undefined;
      for (const { key, severity, range } of p.ranges) {
        const rects = clip ? rangeRects(range, clip) : [];
        this.hitCache.set(key, rects);
        out.push({ key, severity, rects });
      }
    }
    return out;
  }

  /** Named highlights, one per severity, updated in place. */
  private applyHighlights(): void {
    const bySeverity: Record<keyof typeof HIGHLIGHT_NAMES, Range[]> = { error: [], warning: [], info: [] };
    this.paintedRanges.clear();
    for (const [id, p] of this.fieldPaint) {
      this.paintedRanges.set(id, p.ranges);
      for (const r of p.ranges) bySeverity[r.severity].push(r.range);
    }
    for (const [sev, name] of Object.entries(HIGHLIGHT_NAMES) as [keyof typeof HIGHLIGHT_NAMES, string][]) {
      const ranges = bySeverity[sev];
      let hl = this.highlights[sev];
      if (!ranges.length) {
        if (hl) {
          CSS.highlights.delete(name);
          delete this.highlights[sev];
        }
        continue;
      }
      if (!hl) {
        hl = this.highlights[sev] = new Highlight();
        CSS.highlights.set(name, hl);
      }
      hl.clear();
      for (const r of ranges) hl.add(r);
    }
  }

  /**
   * Renders the panel, the card and the boxes through preact, only when one of them changed. The
   * card's anchor is measured after the frame's writes only when the card or the layout changed,
   * never while typing moves nothing. When a keystroke changed only the panel's list, the panel is
   * rendered in a task right after the frame, so the typed text and its underlines are painted
   * first (the panel follows a frame later; its time is kept for the benchmark as `panel`).
   */
  private renderApp(measured: boolean, typing: boolean): void {
    const d = this.discovery;
    const cardFinding = this.card ? this.byKey.get(this.card.key) : undefined;
    const view: OverlayView = {
      findings: this.findings,
      category: this.category,
      boxes: this.boxes,
      card: null,
      panelOpen: this.panelOpen,
      announce: this.announce,
      message: this.message,
      hasFields: (d?.fields.length ?? 0) > 0,
      loading: this.engineState === 'loading',
    };
    if (cardFinding) {
      let anchor = this.cardAnchor?.key === cardFinding.key && !measured ? this.cardAnchor.anchor : undefined;
      if (!anchor) {
        anchor = this.rectsOf(cardFinding.key)[0] ?? this.fieldRect(cardFinding);
        this.cardAnchor = anchor ? { key: cardFinding.key, anchor } : undefined;
      }
      if (anchor) view.card = { finding: cardFinding, anchor };
    } else this.cardAnchor = undefined;
    const panel: PanelState = [this.panelContent, view.panelOpen, view.loading, view.hasFields, view.announce, view.message];
    const last = this.lastView;
    const samePanel = !!last && panel.every((x, i) => x === last.panel[i]);
    const sameRest = !!last && last.boxes === view.boxes && sameCard(last.card, view.card);
    if (sameRest && samePanel) return;
    if (sameRest && typing) {
      this.panelTask ||= window.setTimeout(
        guard(() => {
          this.panelTask = 0;
          if (this.stopped) return;
          const t0 = performance.now();
          this.renderApp(false, false);
          const k = this.keystrokes[this.keystrokes.length - 1];
          if (k) k.panel = (k.panel ?? 0) + performance.now() - t0;
        }),
        0,
      );
      return;
    }
    const sig = samePanel ? last.sig : (last?.sig ?? 0) + 1;
    this.lastView = { panel, sig, boxes: view.boxes, card: view.card };
    if (this.appRoot) render(h(OverlayApp, { v: view, actions: this.actions, sig }), this.appRoot);
  }

  /** A panel render waiting for the end of the keystroke's frame. */
  private panelTask = 0;

  private rectsOf(key: string): Rect[] {
    let r = this.hitCache.get(key);
    if (!r) {
      r = this.measureRects(key);
      this.hitCache.set(key, r);
    }
    return r;
  }

  private measureRects(key: string): Rect[] {
    const at = this.byKey.get(key)?.at;
    if (!at) return [];
    const entry = this.mirrors.get(at.field);
    if (entry) return entry.mirror.rectsOf(at.start, Math.max(at.end, at.start + 1));
    const p = this.fieldPaint.get(at.field);
    const r = p?.ranges.find((x) => x.key === key);
    if (!p || !r || !p.el.isConnected) return [];
    const clip = visibleClip(p.el, (this.geometry.get(p.el) ?? this.geometryOf(p.el, false, false)).ancestors);
    return clip ? rangeRects(r.range, clip) : [];
  }

  private fieldRect(f: Finding): Rect | undefined {
    const b = f.at && this.discovery?.fields.find((x) => x.id === f.at!.field);
    if (!b) return undefined;
    return toRect(b.el.getBoundingClientRect());
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

/** What the panel shows besides the card: the list's change count and the panel's own state. */
type PanelState = [number, boolean, boolean, boolean, string, string];

/** Deep equality of plain data (what JSON would keep: undefined members count as absent). */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const k in x) if (!sameData(x[k], y[k])) return false;
  for (const k in y) if (!(k in x) && y[k] !== undefined) return false;
  return true;
}

const sameRect = (a: Rect, b: Rect) => a.left === b.left && a.top === b.top && a.width === b.width && a.height === b.height;

/** Same severities over the same DOM stretches. */
function sameRanges(a: FieldPaint['ranges'], b: FieldPaint['ranges']): boolean {
  if (a.length !== b.length) return false;
  try {
    for (let i = 0; i < a.length; i++) {
      const x = a[i]!;
      const y = b[i]!;
      if (x.severity !== y.severity || x.range.compareBoundaryPoints(Range.START_TO_START, y.range) !== 0 || x.range.compareBoundaryPoints(Range.END_TO_END, y.range) !== 0) return false;
    }
  } catch {
    // Ranges in different trees (the field moved documents): not the same.
    return false;
  }
  return true;
}

/** The card shows the same thing at the same place (a new lint's copy of the finding counts as the same). */
function sameCard(a: OverlayView['card'], b: OverlayView['card']): boolean {
  if (a === b) return true;
  if (!a || !b || !sameRect(a.anchor, b.anchor)) return false;
  const x = a.finding;
  const y = b.finding;
  return x === y || (x.key === y.key && x.message === y.message && x.severity === y.severity && x.fix?.text === y.fix?.text);
}
