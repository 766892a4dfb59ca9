/**
 * Writes a fix into the page's field the way a user's typing would: focus, select the range, and
 * `insertText` through the browser's editing commands, so React, Lexical and the undo stack see
 * an ordinary edit. Only ever called from a click on a Fix button.
 */
import { contentEditableModel, rangeForOffsets, readText, type EditableKind } from '../dom/editables';

export function selectRange(el: HTMLElement, kind: EditableKind, start: number, end: number): boolean {
  el.focus({ preventScroll: false });
  if (kind === 'contenteditable') {
    const range = rangeForOffsets(contentEditableModel(el), start, end);
    const sel = el.ownerDocument.getSelection();
    if (!range || !sel) return false;
    sel.removeAllRanges();
    sel.addRange(range);
    return true;
  }
  (el as HTMLInputElement | HTMLTextAreaElement).setSelectionRange(start, end);
  return true;
}

function execInsert(doc: Document, text: string): boolean {
  try {
    return text === '' ? doc.execCommand('delete', false) : doc.execCommand('insertText', false, text);
  } catch {
    return false;
  }
}

/** Replaces `[start, end)` of a field's text; returns whether the field now holds the expected text. */
export function applyEdit(el: HTMLElement, kind: EditableKind, start: number, end: number, text: string): boolean {
  const before = readText(el, kind);
  if (start < 0 || end > before.length || start > end) return false;
  const expected = before.slice(0, start) + text + before.slice(end);
  if (!selectRange(el, kind, start, end)) return false;
  if (kind === 'contenteditable') {
    // Rich editors (Lexical, Slate, ProseMirror) apply edits from beforeinput themselves; offer
    // them the replacement first. execCommand does not fire beforeinput.
    const range = rangeForOffsets(contentEditableModel(el), start, end);
    if (range) {
      const event = new InputEvent('beforeinput', { bubbles: true, cancelable: true, composed: true, inputType: 'insertReplacementText', data: text, targetRanges: [new StaticRange(range)] });
      if (!el.dispatchEvent(event)) return readText(el, kind) === expected;
    }
  }
  execInsert(el.ownerDocument, text);
  if (readText(el, kind) === expected) return true;

  // Fallbacks for fields that ignore editing commands.
  if (kind !== 'contenteditable') {
    const input = el as HTMLInputElement | HTMLTextAreaElement;
    if (input.value !== before) return input.value === expected;
    input.setRangeText(text, start, end, 'end');
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: text }));
    return input.value === expected;
  }
  if (readText(el, kind) !== before) return false;
  // Nobody handled it: edit the DOM and tell the page.
  const range = rangeForOffsets(contentEditableModel(el), start, end);
  if (!range) return false;
  range.deleteContents();
  if (text) range.insertNode(el.ownerDocument.createTextNode(text));
  el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: text }));
  return readText(el, kind) === expected;
}
