import type { ObjectNode, PropertyNode, SourceNode, StringNode } from '../source.js';
import type { ParsedDocument } from './types.js';

/** One template's fields as a web editor holds them: plain text, no JSON. */
export interface TemplateFields {
  name?: string;
  category?: string;
  language?: string;
  parameterFormat?: 'positional' | 'named';
  header?: string;
  /** Header format when it is not text (IMAGE, VIDEO, DOCUMENT, LOCATION). */
  headerFormat?: string;
  body?: string;
  footer?: string;
  buttons?: { type: string; text?: string; url?: string; phoneNumber?: string; example?: string }[];
  /** Sample values the author typed, in variable order (positional) or by name. */
  bodyExamples?: string[] | Record<string, string>;
  headerExamples?: string[] | Record<string, string>;
}

/** Identifies a field of a `TemplateFields`, e.g. `body`, `header`, `buttons.1.url`. */
export type FieldId = string;

export interface FieldSpan {
  field: FieldId;
  start: number;
  end: number;
}

export interface FieldsDocument extends ParsedDocument {
  spans: FieldSpan[];
}

/**
 * A finding's document range, translated back into its field and the offsets in that field; undefined
 * when the range does not lie inside one field (a template-level finding). Zero-width ranges at a
 * field's very start are positions of structural nodes (`parseFields` puts them there), so they count
 * as template-level too.
 */
export function locateInFields(doc: FieldsDocument, start: number, end: number): { field: FieldId; start: number; end: number } | undefined {
  for (const s of doc.spans) {
    if (start < s.start || end > s.end) continue;
    if (start === end && start === s.start && s.end > s.start) continue;
    return { field: s.field, start: start - s.start, end: end - s.start };
  }
  return undefined;
}

/**
 * Builds a document from field texts. The fields are laid end to end in one virtual text, each on
 * its own span, so the ordinary engine lints them together (cross-field rules keep working) and
 * every finding maps back to one field with `locateInFields`.
 */
export function parseFields(fields: TemplateFields): FieldsDocument {
  let text = '';
  const spans: FieldSpan[] = [];
  const str = (field: FieldId, value: string): StringNode => {
    const start = text.length;
    text += value;
    spans.push({ field, start, end: text.length });
    text += '\n';
    return { kind: 'string', value, style: 'raw', breaks: null, contentStart: start, range: { start, end: start + value.length } };
  };
  const at = () => ({ start: text.length, end: text.length });
  const prop = (key: string, value: SourceNode): PropertyNode => ({
    key: { kind: 'string', value: key, style: 'raw', breaks: null, contentStart: value.range.start, range: { start: value.range.start, end: value.range.start } },
    value,
    range: value.range,
  });
  const synthetic = (value: string): StringNode => ({ kind: 'string', value, style: 'raw', breaks: null, contentStart: text.length, range: at() });
  const obj = (properties: PropertyNode[]): ObjectNode => ({ kind: 'object', properties, range: at(), flow: true });
  const examplesNode = (key: 'body' | 'header', ex: string[] | Record<string, string> | undefined): PropertyNode | undefined => {
    if (!ex) return undefined;
    if (Array.isArray(ex)) {
      const values: SourceNode[] = ex.map((v, i) => str(`${key}Examples.${i}`, v));
      const arr: SourceNode = { kind: 'array', items: values, range: at(), flow: true };
      const shaped: SourceNode = key === 'body' ? { kind: 'array', items: [arr], range: at(), flow: true } : arr;
      return prop('example', obj([prop(`${key}_text`, shaped)]));
    }
    const items: SourceNode[] = Object.entries(ex).map(([name, v]) => obj([prop('param_name', synthetic(name)), prop('example', str(`${key}Examples.${name}`, v))]));
    return prop('example', obj([prop(`${key}_text_named_params`, { kind: 'array', items, range: at(), flow: true })]));
  };

  const top: PropertyNode[] = [];
  if (fields.name !== undefined) top.push(prop('name', str('name', fields.name)));
  if (fields.language !== undefined) top.push(prop('language', str('language', fields.language)));
  if (fields.category !== undefined) top.push(prop('category', str('category', fields.category)));
  if (fields.parameterFormat !== undefined) top.push(prop('parameter_format', synthetic(fields.parameterFormat)));

  const components: SourceNode[] = [];
  if (fields.header !== undefined || fields.headerFormat) {
    const p = [prop('type', synthetic('HEADER')), prop('format', synthetic(fields.headerFormat ?? 'TEXT'))];
    if (fields.header !== undefined) p.push(prop('text', str('header', fields.header)));
    const ex = examplesNode('header', fields.headerExamples);
    if (ex) p.push(ex);
    components.push(obj(p));
  }
  {
    const p = [prop('type', synthetic('BODY'))];
    if (fields.body !== undefined) p.push(prop('text', str('body', fields.body)));
    const ex = examplesNode('body', fields.bodyExamples);
    if (ex) p.push(ex);
    components.push(obj(p));
  }
  if (fields.footer !== undefined) components.push(obj([prop('type', synthetic('FOOTER')), prop('text', str('footer', fields.footer))]));
  if (fields.buttons && fields.buttons.length > 0) {
    const buttons: SourceNode[] = fields.buttons.map((b, i) => {
      const p = [prop('type', synthetic(b.type))];
      if (b.text !== undefined) p.push(prop('text', str(`buttons.${i}.text`, b.text)));
      if (b.url !== undefined) p.push(prop('url', str(`buttons.${i}.url`, b.url)));
      if (b.phoneNumber !== undefined) p.push(prop('phone_number', str(`buttons.${i}.phoneNumber`, b.phoneNumber)));
      if (b.example !== undefined) p.push(prop('example', { kind: 'array', items: [str(`buttons.${i}.example`, b.example)], range: at(), flow: true }));
      return obj(p);
    });
    components.push(obj([prop('type', synthetic('BUTTONS')), prop('buttons', { kind: 'array', items: buttons, range: at(), flow: true })]));
  }
  top.push(prop('components', { kind: 'array', items: components, range: at(), flow: true }));
  const root: ObjectNode = { kind: 'object', properties: top, range: { start: 0, end: text.length }, flow: true };
  return { format: 'fields', text, root, problems: [], spans };
}
