/**
 * The overlay's view: underline boxes for contenteditable fields when the CSS Custom Highlight API
 * is missing, the finding card and the panel. Everything renders as text through preact (never
 * innerHTML), inside an open shadow root. (Mirrors for textarea/input underlines are patched by
 * hand, in mirror.ts: they change on every keystroke and a diff of the whole text costs more.)
 */
import type { Severity } from '@greenlight/core';
import { Component } from 'preact';
import type { CategoryInfo, Finding } from '../lint/types';
import { countLabel, fieldLabel, t } from '../i18n';
import type { Rect } from './geometry';

export interface BoxView {
  key: string;
  severity: Severity;
  rects: Rect[];
}

export interface OverlayView {
  findings: Finding[];
  category: CategoryInfo;
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
  /** `slot` is the panel entry's place (panelSlots), which finds the finding again after typing moved it. */
  fix(f: Finding, slot?: string): void;
  reveal(f: Finding, slot?: string): void;
  focusFinding(f: Finding, slot?: string): void;
  closeCard(): void;
  cardHover(inside: boolean): void;
  togglePanel(): void;
}

/** Preact 11 no longer appends "px" to numeric style values. */
const px = (n: number) => `${n}px`;

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
        {v.announce || null}
      </div>
      {v.panelOpen && (
        <div class="gl-body">
          <div class={`gl-category${mismatch ? ' gl-mismatch' : ''}`} data-testid="category">
            <span>{t('categorySelected', categoryName(category.selected))}</span>
            {category.predicted && <span>{t('categoryPredicted', categoryName(category.predicted))}</span>}
            {category.reasons.length > 0 && <span class="gl-reasons">{category.reasons.slice(0, 3).join(' · ')}</span>}
          </div>
          {v.message ? <p class="gl-note">{v.message}</p> : null}
          {v.loading ? (
            <p class="gl-empty gl-loading">{t('engineLoading')}</p>
          ) : v.findings.length === 0 ? (
            <p class="gl-empty">{countLabel(0)}</p>
          ) : (
            <ul class="gl-list">
              {panelSlots(v.findings).map((slot, i) => (
                <ItemMemo key={slot} slot={slot} f={v.findings[i]!} actions={actions} />
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

/**
 * Keys for the panel's entries that survive typing: rule, message and field, numbered in order,
 * not the offsets (those move on every keystroke before the finding, which would re-create the entry).
 */
export function panelSlots(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = `${f.ruleId}:${f.messageId}:${f.at?.field ?? ''}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `${base}#${n}`;
  });
}

function Item({ f, slot, actions }: { f: Finding; slot: string; actions: OverlayActions }) {
  return (
    <li class={`gl-item gl-item-${f.severity}`} data-rule={f.ruleId}>
      <button type="button" class="gl-item-main" onClick={() => actions.reveal(f, slot)} onFocus={() => actions.focusFinding(f, slot)}>
        <span class={`gl-dot gl-dot-${f.severity}`} aria-label={severityLabel(f.severity)} />
        <span class="gl-item-text">
          <span class="gl-msg">{f.message}</span>
          <span class="gl-item-meta">
            <code class="gl-rule">{f.ruleId}</code> · {fieldLabel(f.at?.field)}
          </span>
        </span>
      </button>
      {f.fix && (
        <button type="button" class="gl-fix gl-fix-small" onClick={() => actions.fix(f, slot)} aria-label={t('fixFor', f.ruleId)}>
          {t('fix')}
        </button>
      )}
    </li>
  );
}

/**
 * One entry re-renders only when what it shows changed; the finding it holds may be an older copy
 * (offsets move while typing), which is fine: actions look the current one up by key.
 */
class ItemMemo extends Component<{ f: Finding; slot: string; actions: OverlayActions }> {
  override shouldComponentUpdate(next: { f: Finding; slot: string; actions: OverlayActions }) {
    const a = this.props.f;
    const b = next.f;
    return !(a === b || (a.ruleId === b.ruleId && a.severity === b.severity && a.message === b.message && a.at?.field === b.at?.field && (a.fix ? a.fix.text : undefined) === (b.fix ? b.fix.text : undefined) && this.props.actions === next.actions));
  }
  override render() {
    return <Item f={this.props.f} slot={this.props.slot} actions={this.props.actions} />;
  }
}

/**
 * Re-renders the panel only when what it shows changed: while typing, findings keep their text
 * and only their offsets move, which the panel does not display (actions look findings up fresh).
 */
class PanelMemo extends Component<{ v: OverlayView; actions: OverlayActions; sig: number }> {
  override shouldComponentUpdate(next: { sig: number }) {
    return next.sig !== this.props.sig;
  }
  override render() {
    return <Panel v={this.props.v} actions={this.props.actions} />;
  }
}

/** Whether two lint results look the same in the panel (offsets, which move while typing, are not shown). */
export function samePanelContent(a: readonly Finding[], ac: CategoryInfo, b: readonly Finding[], bc: CategoryInfo): boolean {
  if (a.length !== b.length || ac.selected !== bc.selected || ac.predicted !== bc.predicted || ac.reasons.length !== bc.reasons.length) return false;
  for (let i = 0; i < ac.reasons.length; i++) if (ac.reasons[i] !== bc.reasons[i]) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.severity !== y.severity || x.ruleId !== y.ruleId || x.messageId !== y.messageId || x.message !== y.message || x.at?.field !== y.at?.field || x.fix?.text !== y.fix?.text) return false;
  }
  return true;
}

/** `sig` changes whenever anything the panel shows changed (the controller counts). */
export function OverlayApp({ v, actions, sig }: { v: OverlayView; actions: OverlayActions; sig: number }) {
  return (
    <div class="gl-root">
      <div class="gl-layer" aria-hidden="true">
        {v.boxes.map((b) =>
          b.rects.map((r, i) => <div key={`${b.key}:${i}`} class={`gl-box gl-${b.severity}`} data-key={b.key} style={{ left: px(r.left), top: px(r.top), width: px(r.width), height: px(r.height) }} />),
        )}
      </div>
      {v.card && <Card finding={v.card.finding} anchor={v.card.anchor} actions={actions} />}
      {v.hasFields && <PanelMemo v={v} actions={actions} sig={sig} />}
    </div>
  );
}
