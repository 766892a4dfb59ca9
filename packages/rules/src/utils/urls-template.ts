/**
 * Every URL of a template, with the field it sits in: links written in header, body and footer
 * texts (carousel cards included) and the addresses of URL buttons.
 */
import { Recent, type Button, type Component, type SourceNode, type StringNode, type Template } from '@greenlight/core';
import { findUrls, readButtonUrl, type ButtonUrl, type FoundUrl } from './urls.js';

export type UrlPlace = 'header' | 'body' | 'footer' | 'button';

export interface UrlOccurrence {
  node: StringNode;
  place: UrlPlace;
  url: FoundUrl;
  /** For a URL button: the button. */
  button?: Button;
}

export interface ButtonUrlField {
  node: StringNode;
  button: Button;
  parsed: ButtonUrl;
  /** The button's sample value for its variable (suffix or full URL), if any. */
  example: string | undefined;
  /** The value reads as a web address (a scheme, or a host with a dot or a variable). */
  web: boolean;
}

function isWebAddress(p: ButtonUrl): boolean {
  const u = p.url;
  if (!u || u.hostEnd === u.hostStart) return false;
  return u.kind === 'scheme' || u.hostHasVariable || (u.host.includes('.') && !u.badAuthority);
}

/** The example value of a URL button: Meta's `["summer2023"]` array, or a plain string. */
export function buttonExample(example: SourceNode | undefined): string | undefined {
  if (!example) return undefined;
  if (example.kind === 'string') return example.value;
  if (example.kind === 'array') {
    const first = example.items[0];
    if (first?.kind === 'string') return first.value;
  }
  return undefined;
}

function eachComponent(t: Template, visit: (c: Component) => void): void {
  for (const c of t.components) {
    visit(c);
    for (const card of c.cards) for (const cc of card) visit(cc);
  }
}

const recentButtons = new Recent<Template, ButtonUrlField[]>(8);

/** The `url` of every button (top-level and carousel cards). */
export function buttonUrls(t: Template): ButtonUrlField[] {
  return recentButtons.get(t, readButtonUrls);
}

function readButtonUrls(t: Template): ButtonUrlField[] {
  const out: ButtonUrlField[] = [];
  eachComponent(t, (c) => {
    for (const b of c.buttons) {
      if (!b.url) continue;
      const parsed = readButtonUrl(b.url.value);
      out.push({ node: b.url, button: b, parsed, example: buttonExample(b.example), web: isWebAddress(parsed) });
    }
  });
  return out;
}

const recentUrls = new Recent<Template, UrlOccurrence[]>(8);

/** Links in texts and button addresses, in document order of components. */
export function templateUrls(t: Template): UrlOccurrence[] {
  return recentUrls.get(t, findTemplateUrls);
}

function findTemplateUrls(t: Template): UrlOccurrence[] {
  const out: UrlOccurrence[] = [];
  eachComponent(t, (c) => {
    const place: UrlPlace | undefined = c.type === 'HEADER' ? 'header' : c.type === 'BODY' ? 'body' : c.type === 'FOOTER' ? 'footer' : undefined;
    if (place && c.text && (place !== 'header' || c.format === undefined || c.format === 'TEXT')) {
      for (const url of findUrls(c.text.value)) out.push({ node: c.text, place, url });
    }
  });
  for (const b of buttonUrls(t)) if (b.web && b.parsed.url) out.push({ node: b.node, place: 'button', url: b.parsed.url, button: b.button });
  return out;
}
