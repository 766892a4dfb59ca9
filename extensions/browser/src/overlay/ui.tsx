/**
 * The overlay's view: underline mirrors for textarea/input fields, underline boxes for
 * contenteditable fields when the CSS Custom Highlight API is missing, the finding card and the
 * panel. Everything renders as text through preact (never innerHTML), inside an open shadow root.
 */
import type { Severity } from '@greenlight/core';
import { Component } from 'preact';
import type { CategoryInfo, Finding } from '../lint/types';
import { countLabel, fieldLabel, t } from '../i18n';
import type { MirrorStyle, Rect } from './geometry';

export interface MirrorMark {
  key: string;
  start: number;
  end: number;
  severity: Severity;
}

export interface MirrorView {
  field: string;
  clip: Rect;
  box: Rect;
  style: MirrorStyle;
  /** Identifies `style` without comparing it property by property. */
  styleKey: string;
  text: string;
  marks: MirrorMark[];
  /** Identifies `marks` (keys carry the offsets). */
  marksSig: string;
}

export interface BoxView {
  key: string;
  severity: Severity;
  rects: Rect[];
}

export interface OverlayView {
  findings: Finding[];
  category: CategoryInfo;
  mirrors: MirrorView[];
  boxes: BoxView[];
  card: { finding: Finding; anchor: Rect } | null;
  panelOpen: boolean;
  announce: string;
  message: string;
  /** The panel shows only on pages where template fields were found. */
  hasFields: boolean;
  /** The engine chunk is still loading: no findings yet. */
  loading: boolean;
}

export interface OverlayActions {
  fix(f: Finding): void;
  reveal(f: Finding): void;
  focusFinding(f: Finding): void;
  closeCard(): void;
  cardHover(inside: boolean): void;
  togglePanel(): void;
}

/** Preact 11 no longer appends "px" to numeric style values. */
const px = (n: number) => `${n}px`;

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** Splits the text at every mark boundary; each piece knows which findings cover it. */
function pieces(text: string, marks: MirrorMark[]): { text: string; keys: string[]; severity: Severity | undefined }[] {
  const cuts = new Set<number>([0, text.length]);
  for (const m of marks) {
    cuts.add(Math.max(0, Math.min(text.length, m.start)));
    cuts.add(Math.max(0, Math.min(text.length, m.end)));
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: { text: string; keys: string[]; severity: Severity | undefined }[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i]!;
    const b = sorted[i + 1]!;
    const covering = marks.filter((m) => m.start <= a && m.end >= b);
    let severity: Severity | undefined;
    for (const m of covering) if (!severity || RANK[m.severity] > RANK[severity]) severity = m.severity;
    out.push({ text: text.slice(a, b), keys: covering.map((m) => m.key), severity });
  }
  return out;
}

function Mirror({ m }: { m: MirrorView }) {
  const style: Record<string, string> = { ...m.style, position: 'absolute', left: px(m.box.left - m.clip.left), top: px(m.box.top - m.clip.top), width: px(m.box.width), height: px(m.box.height), margin: '0', color: 'transparent', background: 'transparent' };
  return (
    <div class="gl-clip" style={{ left: px(m.clip.left), top: px(m.clip.top), width: px(m.clip.width), height: px(m.clip.height) }}>
      <div class="gl-mirror" data-field={m.field} style={style} aria-hidden="true">
        {pieces(m.text, m.marks).map((p, i) =>
          p.keys.length ? (
            <span key={i} class={`gl-u gl-${p.severity}`} data-keys={p.keys.join(' ')}>
              {p.text}
            </span>
          ) : (
            p.text
          ),
        )}
        {/* keeps a trailing empty line's height */}
        {'\u200b'}
      </div>
    </div>
  );
}

/**
 * A mirror re-renders only when its view changed: the controller hands back the same object for a
 * field it did not touch, and an equal one when only unrelated state moved.
 */
class MirrorMemo extends Component<{ m: MirrorView }> {
  override shouldComponentUpdate(next: { m: MirrorView }) {
    const a = this.props.m;
    const b = next.m;
    if (a === b) return false;
    return !(a.text === b.text && a.marksSig === b.marksSig && a.styleKey === b.styleKey && sameRect(a.clip, b.clip) && sameRect(a.box, b.box));
  }
  override render() {
    return <Mirror m={this.props.m} />;
  }
}

const sameRect = (a: Rect, b: Rect) => a.left === b.left && a.top === b.top && a.width === b.width && a.height === b.height;

function severityLabel(s: Severity) {
  return t(s === 'error' ? 'severityError' : s === 'warning' ? 'severityWarning' : 'severityInfo');
}

function evidenceLabel(level: Finding['evidence']) {
  return level ? t(level === 'meta' ? 'evidenceMeta' : level === 'editor' ? 'evidenceEditor' : 'evidenceProvider') : '';
}

function Card({ finding, anchor, actions }: { finding: Finding; anchor: Rect; actions: OverlayActions }) {
  const below = anchor.top + anchor.height + 6;
  const top = below + 180 > window.innerHeight ? Math.max(4, anchor.top - 186) : below;
  const left = Math.max(4, Math.min(anchor.left, window.innerWidth - 364));
  return (
    <div
      class={`gl-card gl-card-${finding.severity}`}
      role="dialog"
      aria-label={t('cardLabel', finding.ruleId)}
      style={{ left: px(left), top: px(top) }}
      onMouseEnter={() => actions.cardHover(true)}
      onMouseLeave={() => actions.cardHover(false)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') actions.closeCard();
      }}
    >
      <div class="gl-card-head">
        <span class={`gl-sev gl-sev-${finding.severity}`}>{severityLabel(finding.severity)}</span>
        <code class="gl-rule">{finding.ruleId}</code>
        <button class="gl-x" type="button" aria-label={t('close')} onClick={() => actions.closeCard()}>
          ×
        </button>
      </div>
      <p class="gl-msg">{finding.message}</p>
      <div class="gl-meta">
        {finding.evidence && <span class="gl-evidence">{t('evidence', evidenceLabel(finding.evidence))}</span>}
        {finding.docsUrl && (
          <a href={finding.docsUrl} target="_blank" rel="noopener noreferrer">
            {t('learnMore')}
          </a>
        )}
      </div>
      {finding.fix && (
        <button class="gl-fix" type="button" onClick={() => actions.fix(finding)}>
          {finding.fix.text ? t('fixReplace', finding.fix.text.length > 40 ? `${finding.fix.text.slice(0, 40)}…` : finding.fix.text) : t('fixRemove')}
        </button>
      )}
    </div>
  );
}

function categoryName(c: string | undefined) {
  if (!c) return t('categoryNone');
  const key = c === 'MARKETING' ? 'categoryMarketing' : c === 'UTILITY' ? 'categoryUtility' : c === 'AUTHENTICATION' ? 'categoryAuthentication' : '';
  return key ? t(key) : c;
}

function Panel({ v, actions }: { v: OverlayView; actions: OverlayActions }) {
  const { category } = v;
  const mismatch = category.predicted && category.selected && category.predicted !== category.selected;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of v.findings) counts[f.severity]++;
  return (
    <section class={`gl-panel${v.panelOpen ? '' : ' gl-collapsed'}${v.loading ? ' gl-is-loading' : ''}`} aria-label={t('panelTitle')} aria-busy={v.loading}>
      <button class="gl-panel-head" type="button" aria-expanded={v.panelOpen} onClick={() => actions.togglePanel()}>
        <span class="gl-logo" aria-hidden="true" />
        <span class="gl-title">{t('panelTitle')}</span>
        <span class="gl-counts">
          {counts.error > 0 && <span class="gl-sev gl-sev-error">{counts.error}</span>}
          {counts.warning > 0 && <span class="gl-sev gl-sev-warning">{counts.warning}</span>}
          {counts.info > 0 && <span class="gl-sev gl-sev-info">{counts.info}</span>}
          {v.loading ? <span class="gl-spinner" aria-hidden="true" /> : v.findings.length === 0 && <span class="gl-ok">✓</span>}
        </span>
      </button>
      <div class="gl-live" role="status" aria-live="polite">
        {v.announce}
      </div>
      {v.panelOpen && (
        <div class="gl-body">
          <div class={`gl-category${mismatch ? ' gl-mismatch' : ''}`} data-testid="category">
            <span>{t('categorySelected', categoryName(category.selected))}</span>
            {category.predicted && <span>{t('categoryPredicted', categoryName(category.predicted))}</span>}
            {category.reasons.length > 0 && <span class="gl-reasons">{category.reasons.slice(0, 3).join(' · ')}</span>}
          </div>
          {v.message && <p class="gl-note">{v.message}</p>}
          {v.loading ? (
            <p class="gl-empty gl-loading">{t('engineLoading')}</p>
          ) : v.findings.length === 0 ? (
            <p class="gl-empty">{countLabel(0)}</p>
          ) : (
            <ul class="gl-list">
              {v.findings.map((f) => (
                <li key={f.key} class={`gl-item gl-item-${f.severity}`} data-rule={f.ruleId}>
                  <button type="button" class="gl-item-main" onClick={() => actions.reveal(f)} onFocus={() => actions.focusFinding(f)}>
                    <span class={`gl-dot gl-dot-${f.severity}`} aria-label={severityLabel(f.severity)} />
                    <span class="gl-item-text">
                      <span class="gl-msg">{f.message}</span>
                      <span class="gl-item-meta">
                        <code class="gl-rule">{f.ruleId}</code> · {fieldLabel(f.at?.field)}
                      </span>
                    </span>
                  </button>
                  {f.fix && (
                    <button type="button" class="gl-fix gl-fix-small" onClick={() => actions.fix(f)} aria-label={t('fixFor', f.ruleId)}>
                      {t('fix')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

/**
 * Re-renders the panel only when what it shows changed: while typing, findings keep their text
 * and only their offsets move, which the panel does not display (actions look findings up fresh).
 */
class PanelMemo extends Component<{ v: OverlayView; actions: OverlayActions; sig: string }> {
  override shouldComponentUpdate(next: { sig: string }) {
    return next.sig !== this.props.sig;
  }
  override render() {
    return <Panel v={this.props.v} actions={this.props.actions} />;
  }
}

function panelSignature(v: OverlayView): string {
  const c = v.category;
  return [v.panelOpen, v.loading, v.announce, v.message, c.selected, c.predicted, c.reasons.join('|'), ...v.findings.map((f) => `${f.ruleId}\u0001${f.message}\u0001${f.at?.field ?? ''}\u0001${f.fix ? f.fix.text : ''}`)].join('\u0000');
}

export function OverlayApp({ v, actions }: { v: OverlayView; actions: OverlayActions }) {
  return (
    <div class="gl-root">
      <div class="gl-layer" aria-hidden="true">
        {v.mirrors.map((m) => (
          <MirrorMemo key={m.field} m={m} />
        ))}
        {v.boxes.map((b) =>
          b.rects.map((r, i) => <div key={`${b.key}:${i}`} class={`gl-box gl-${b.severity}`} data-key={b.key} style={{ left: px(r.left), top: px(r.top), width: px(r.width), height: px(r.height) }} />),
        )}
      </div>
      {v.card && <Card finding={v.card.finding} anchor={v.card.anchor} actions={actions} />}
      {v.hasFields && <PanelMemo v={v} actions={actions} sig={panelSignature(v)} />}
    </div>
  );
}
