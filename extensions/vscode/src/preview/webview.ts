/**
 * Runs inside the preview webview. Builds the chat bubble with createElement/textContent only: the
 * template is user text and must never become markup.
 */
import type { FromWebview, TemplateInfoResult, ToWebview } from '../protocol.js';
import { renderNodes, type FormatNode } from './format.js';
import { toPreviewModel, type PreviewButton } from './model.js';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void; setState(s: unknown): void; getState(): unknown };

const vscode = acquireVsCodeApi();

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function formatted(tag: 'div' | 'span', className: string, nodes: FormatNode[]): HTMLElement {
  const e = el(tag, className);
  renderNodes(document, e, nodes);
  return e;
}

const BUTTON_ICONS: Record<string, string> = { URL: '\u2197', PHONE_NUMBER: '\u260e', COPY_CODE: '\u2398', OTP: '\u2398', QUICK_REPLY: '\u21a9' };

function buttonList(buttons: PreviewButton[]): HTMLElement {
  const list = el('div', 'buttons');
  for (const b of buttons) {
    const btn = el('div', `button type-${b.type.toLowerCase() || 'unknown'}`);
    const icon = BUTTON_ICONS[b.type];
    if (icon) btn.appendChild(el('span', 'icon', icon));
    btn.appendChild(el('span', 'label', b.text || '(no text)'));
    if (b.detail) btn.title = b.detail;
    list.appendChild(btn);
  }
  return list;
}

function bubble(parts: { header?: FormatNode[]; media?: string; body: FormatNode[]; footer?: string }, time: boolean): HTMLElement {
  const b = el('div', 'bubble');
  if (parts.media) b.appendChild(el('div', `media media-${parts.media.toLowerCase()}`, parts.media.toLowerCase()));
  if (parts.header) b.appendChild(formatted('div', 'header', parts.header));
  b.appendChild(formatted('div', 'body', parts.body));
  if (parts.footer !== undefined) b.appendChild(el('div', 'footer', parts.footer));
  if (time) b.appendChild(el('div', 'time', new Date().toTimeString().slice(0, 5)));
  return b;
}

function summary(info: TemplateInfoResult, fileName: string): HTMLElement {
  const s = el('div', 'summary');
  const title = el('div', 'title');
  title.appendChild(el('span', 'name', info.name ?? '(unnamed template)'));
  title.appendChild(el('span', 'file', fileName));
  s.appendChild(title);
  const badges = el('div', 'badges');
  if (info.category) badges.appendChild(el('span', 'badge declared', `declared ${info.category}`));
  if (info.predicted) {
    const mismatch = !!info.category && info.category.toUpperCase() !== info.predicted.toUpperCase();
    badges.appendChild(el('span', mismatch ? 'badge predicted mismatch' : 'badge predicted', `reads as ${info.predicted}`));
  }
  const n = info.findingCount;
  badges.appendChild(el('span', n ? 'badge findings' : 'badge clean', n === 1 ? '1 finding' : `${n} findings`));
  s.appendChild(badges);
  if (info.reasons.length) {
    const ul = el('ul', 'reasons');
    for (const r of info.reasons) ul.appendChild(el('li', undefined, r));
    s.appendChild(ul);
  }
  return s;
}

function render(msg: ToWebview) {
  const root = document.getElementById('root')!;
  root.replaceChildren();
  const version = msg.seq;
  if (msg.type === 'empty') {
    root.appendChild(el('div', 'empty', msg.reason));
    post({ type: 'rendered', version, name: '', header: '', body: '', footer: '', buttons: [] });
    return;
  }
  const model = toPreviewModel(msg.info.template);
  root.appendChild(summary(msg.info, msg.fileName));
  const chat = el('div', 'chat');
  if (!model) {
    chat.appendChild(el('div', 'empty', 'This template has no components to show yet.'));
    root.appendChild(chat);
    post({ type: 'rendered', version, name: msg.info.name ?? '', header: '', body: '', footer: '', buttons: [] });
    return;
  }
  const message = el('div', 'message');
  message.appendChild(bubble(model, true));
  if (model.buttons.length) message.appendChild(buttonList(model.buttons));
  chat.appendChild(message);
  if (model.cards.length) {
    const cards = el('div', 'cards');
    for (const card of model.cards) {
      const c = el('div', 'card');
      c.appendChild(bubble(card, false));
      if (card.buttons.length) c.appendChild(buttonList(card.buttons));
      cards.appendChild(c);
    }
    chat.appendChild(cards);
  }
  root.appendChild(chat);
  // Report what the DOM now shows (read back from it, not from the model), for the extension and its tests.
  const text = (selector: string) => {
    const node = message.querySelector(selector);
    return node ? domText(node) : '';
  };
  post({
    type: 'rendered',
    version,
    name: model.name,
    header: text('.bubble > .header') || text('.bubble > .media'),
    body: text('.bubble > .body'),
    footer: text('.bubble > .footer'),
    buttons: [...message.querySelectorAll('.buttons .label')].map((b) => b.textContent ?? ''),
  });
}

/** Text of a rendered node, with <br> as a line break. */
function domText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (node.nodeName === 'BR') return '\n';
  return [...node.childNodes].map(domText).join('');
}

function post(m: FromWebview) {
  vscode.postMessage(m);
}

window.addEventListener('message', (e: MessageEvent<ToWebview>) => {
  const msg = e.data;
  if (msg && (msg.type === 'update' || msg.type === 'empty')) {
    vscode.setState(msg);
    render(msg);
  }
});

// After a reload (the panel was hidden), show the last state at once; the extension re-sends the latest.
const saved = vscode.getState() as ToWebview | undefined;
if (saved) render(saved);
vscode.postMessage({ type: 'ready' } satisfies FromWebview);
