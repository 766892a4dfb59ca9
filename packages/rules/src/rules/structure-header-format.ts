import { defineRule, get, getObject, type Component } from '@greenlight/core';
import { SOURCES } from '../utils/sources.js';

const MEDIA = ['IMAGE', 'VIDEO', 'GIF', 'DOCUMENT'];

export default defineRule({
  id: 'structure-header-format',
  description: 'A header has a `format` that fits its content and category: text headers have text, LOCATION only in utility and marketing.',
  rationale:
    'Meta reads a header by its `format`. A text header needs its `text`; a media header shows no text (its sample is checked by `variable-examples`). Location headers exist only for utility and marketing templates. GIF headers can only be sent through the Marketing Messages API.',
  severity: 'error',
  family: 'structure',
  tags: ['structure', 'header'],
  evidence: { level: 'meta', sources: [SOURCES.S2] },
  fixable: 'fix',
  recommended: true,
  messages: {
    missingFormat: 'The header has no "format"; use TEXT, IMAGE, VIDEO, GIF, DOCUMENT or LOCATION.',
    missingText: 'A TEXT header needs a "text".',
    emptyText: 'The header text is empty.',
    locationCategory: 'LOCATION headers are only allowed in UTILITY and MARKETING templates, not {category}.',
    mediaText: 'A {format} header shows no text; this "text" is ignored.',
    gif: 'GIF headers can only be sent with the Marketing Messages API (MP4 file, up to 3.5 MB).',
  },
  check(t, ctx) {
    const headers: Component[] = [];
    if (t.header) headers.push(t.header);
    for (const c of t.components) for (const card of c.cards) for (const cc of card) if (cc.type === 'HEADER') headers.push(cc);
    for (const h of headers) {
      const text = get(h.node, 'text');
      if (!h.formatNode) {
        // A header with text and no media sample can only be a text header.
        const fix = text?.kind === 'string' && !getObject(h.node, 'example')?.properties.some((p) => p.key.value === 'header_handle') ? ctx.fixer.addProperty(h.node, 'format', 'TEXT') : null;
        ctx.report({ messageId: 'missingFormat', node: h.typeNode ?? h.node, fix });
        continue;
      }
      const format = h.format ?? '';
      if (format === 'TEXT') {
        if (!text) ctx.report({ messageId: 'missingText', node: h.formatNode });
        else if (text.kind === 'string' && text.value.trim() === '') ctx.report({ messageId: 'emptyText', node: text });
        continue;
      }
      if (format === 'LOCATION') {
        if (t.category && t.category !== 'UTILITY' && t.category !== 'MARKETING') ctx.report({ messageId: 'locationCategory', node: h.formatNode, data: { category: t.category } });
        continue;
      }
      if (!MEDIA.includes(format)) continue;
      if (text?.kind === 'string' && text.value.trim() !== '') ctx.report({ messageId: 'mediaText', node: text, data: { format }, severity: 'warning' });
      if (format === 'GIF') ctx.report({ messageId: 'gif', node: h.formatNode, severity: 'info' });
    }
  },
  examples: {
    valid: [
      { title: 'Text header', template: { components: [{ type: 'HEADER', format: 'TEXT', text: 'Order update' }, { type: 'BODY', text: 'Your order has shipped.' }] } },
      { title: 'Image header with a handle', template: { components: [{ type: 'HEADER', format: 'IMAGE', example: { header_handle: ['4::aW1hZ2UvanBlZw==:ARb'] } }, { type: 'BODY', text: 'Your order has shipped.' }] } },
      { title: 'Location header in a utility template', template: { components: [{ type: 'HEADER', format: 'LOCATION' }, { type: 'BODY', text: 'Your pickup point is ready.' }] } },
    ],
    invalid: [
      {
        title: 'Text without a format',
        template: { components: [{ type: 'HEADER', text: 'Order update' }, { type: 'BODY', text: 'Your order has shipped.' }] },
        errors: ['missingFormat'], spans: ["\"HEADER\""],
        output: { components: [{ type: 'HEADER', text: 'Order update', format: 'TEXT' }, { type: 'BODY', text: 'Your order has shipped.' }] },
      },
      { title: 'A video header with text', template: { components: [{ type: 'HEADER', format: 'VIDEO', text: 'Watch this', example: { header_handle: ['4::dmlkZW8='] } }, { type: 'BODY', text: 'Your order has shipped.' }] }, errors: ['mediaText'], spans: ["\"Watch this\""] },
      {
        title: 'Location in an authentication template',
        template: { category: 'AUTHENTICATION', components: [{ type: 'HEADER', format: 'LOCATION' }, { type: 'BODY' }] },
        errors: ['locationCategory'], spans: ["\"LOCATION\""],
      },
      {
        title: 'GIF header',
        template: { category: 'MARKETING', components: [{ type: 'HEADER', format: 'GIF', example: { header_handle: ['4::Z2lm'] } }, { type: 'BODY', text: 'Our summer collection is here.' }] },
        errors: ['gif'], spans: ["\"GIF\""],
      },
    ],
  },
});
