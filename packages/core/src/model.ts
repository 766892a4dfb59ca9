/**
 * The template model: Meta's Graph API template object, read from the format-neutral source tree.
 * Every field keeps its source node, so a rule can point at the exact characters it judges.
 */
import {
  get,
  getArray,
  getString,
  type ArrayNode,
  type NumberNode,
  type ObjectNode,
  type SourceNode,
  type StringNode,
} from './source.js';

export const CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const;
export type Category = (typeof CATEGORIES)[number];

export const COMPONENT_TYPES = ['HEADER', 'BODY', 'FOOTER', 'BUTTONS', 'LIMITED_TIME_OFFER', 'CAROUSEL'] as const;
export const HEADER_FORMATS = ['TEXT', 'IMAGE', 'VIDEO', 'GIF', 'DOCUMENT', 'LOCATION'] as const;
export const BUTTON_TYPES = [
  'QUICK_REPLY',
  'URL',
  'PHONE_NUMBER',
  'COPY_CODE',
  'OTP',
  'VOICE_CALL',
  'FLOW',
  'MPM',
  'SPM',
  'CATALOG',
] as const;

export interface Button {
  node: ObjectNode;
  /** Upper-cased `type`, or '' when missing. */
  type: string;
  typeNode: StringNode | undefined;
  text: StringNode | undefined;
  url: StringNode | undefined;
  phoneNumber: StringNode | undefined;
  example: SourceNode | undefined;
  /** Upper-cased `otp_type` of an OTP button. */
  otpType: string | undefined;
}

export interface Component {
  node: ObjectNode;
  /** Upper-cased `type`, or '' when missing. */
  type: string;
  typeNode: StringNode | undefined;
  /** Upper-cased header `format`. */
  format: string | undefined;
  formatNode: StringNode | undefined;
  text: StringNode | undefined;
  example: SourceNode | undefined;
  buttons: Button[];
  buttonsNode: ArrayNode | undefined;
  /** Carousel cards, each with its own components. */
  cards: Component[][];
}

export interface Template {
  /** Position of this template in the file (0 for a single-template file). */
  index: number;
  node: ObjectNode;
  name: StringNode | undefined;
  language: StringNode | undefined;
  categoryNode: StringNode | undefined;
  /** The declared category when it is one of Meta's three, upper-cased. */
  category: Category | undefined;
  parameterFormatNode: StringNode | undefined;
  /** `named` or `positional` (the default), lower-cased. */
  parameterFormat: string;
  ttl: NumberNode | undefined;
  componentsNode: ArrayNode | undefined;
  components: Component[];
  header: Component | undefined;
  body: Component | undefined;
  footer: Component | undefined;
  buttonsComponent: Component | undefined;
  buttons: Button[];
}

const upper = (n: StringNode | undefined) => (n ? n.value.trim().toUpperCase() : undefined);

function readButton(node: SourceNode): Button | undefined {
  if (node.kind !== 'object') return undefined;
  const typeNode = getString(node, 'type');
  return {
    node,
    type: upper(typeNode) ?? '',
    typeNode,
    text: getString(node, 'text'),
    url: getString(node, 'url'),
    phoneNumber: getString(node, 'phone_number'),
    example: get(node, 'example'),
    otpType: upper(getString(node, 'otp_type')),
  };
}

function readComponent(node: SourceNode): Component | undefined {
  if (node.kind !== 'object') return undefined;
  const typeNode = getString(node, 'type');
  const formatNode = getString(node, 'format');
  const buttonsNode = getArray(node, 'buttons');
  const cards: Component[][] = [];
  for (const card of getArray(node, 'cards')?.items ?? []) {
    cards.push(readComponents(getArray(card, 'components')));
  }
  return {
    node,
    type: upper(typeNode) ?? '',
    typeNode,
    format: upper(formatNode),
    formatNode,
    text: getString(node, 'text'),
    example: get(node, 'example'),
    buttons: (buttonsNode?.items ?? []).map(readButton).filter((b): b is Button => b !== undefined),
    buttonsNode,
    cards,
  };
}

function readComponents(list: ArrayNode | undefined): Component[] {
  return (list?.items ?? []).map(readComponent).filter((c): c is Component => c !== undefined);
}

export function readTemplate(node: ObjectNode, index: number): Template {
  const componentsNode = getArray(node, 'components');
  const components = readComponents(componentsNode);
  const first = (type: string) => components.find((c) => c.type === type);
  const categoryNode = getString(node, 'category');
  const cat = upper(categoryNode);
  const parameterFormatNode = getString(node, 'parameter_format');
  const ttl = get(node, 'message_send_ttl_seconds');
  const buttonsComponent = first('BUTTONS');
  return {
    index,
    node,
    name: getString(node, 'name'),
    language: getString(node, 'language'),
    categoryNode,
    category: (CATEGORIES as readonly string[]).includes(cat ?? '') ? (cat as Category) : undefined,
    parameterFormatNode,
    parameterFormat: parameterFormatNode?.value.trim().toLowerCase() || 'positional',
    ttl: ttl?.kind === 'number' ? ttl : undefined,
    componentsNode,
    components,
    header: first('HEADER'),
    body: first('BODY'),
    footer: first('FOOTER'),
    buttonsComponent,
    buttons: buttonsComponent?.buttons ?? [],
  };
}

/** Does this object look like a template (as opposed to some other JSON)? */
export function looksLikeTemplate(node: SourceNode): node is ObjectNode {
  if (node.kind !== 'object') return false;
  if (get(node, 'components') !== undefined) return true;
  // A template being written may lack components; two of its identifying keys are enough.
  return ['name', 'language', 'category', 'parameter_format'].filter((k) => get(node, k) !== undefined).length >= 2;
}

/** Does a parsed document hold at least one template, in any of Meta's three shapes? */
export function holdsTemplates(root: SourceNode | undefined): boolean {
  if (!root) return false;
  if (root.kind === 'array') return root.items.some(looksLikeTemplate);
  if (looksLikeTemplate(root)) return true;
  const data = get(root, 'data');
  return data?.kind === 'array' && data.items.some(looksLikeTemplate);
}

export interface TemplateList {
  templates: Template[];
  /** Where the list sits: a top-level array, or `data` of a Graph API list response. */
  container: ArrayNode | undefined;
}

/**
 * Finds the templates in a document in any of Meta's three shapes: one template object, an array
 * of templates, or the `{ "data": [...] }` page returned by the template list endpoint.
 */
export function readTemplates(root: SourceNode | undefined): TemplateList {
  if (!root) return { templates: [], container: undefined };
  let container: ArrayNode | undefined;
  if (root.kind === 'array') container = root;
  else if (root.kind === 'object') {
    const data = get(root, 'data');
    if (data?.kind === 'array' && !get(root, 'components')) container = data;
  }
  if (!container) {
    // Any other JSON (package.json, say) is not a template, rather than a template missing everything.
    return { templates: looksLikeTemplate(root) ? [readTemplate(root, 0)] : [], container: undefined };
  }
  const templates: Template[] = [];
  container.items.forEach((item, i) => {
    if (item.kind === 'object') templates.push(readTemplate(item, i));
  });
  return { templates, container };
}

/** All text-bearing fields of a template, with where they sit, for rules that scan every text. */
export type TextFieldKind = 'header' | 'body' | 'footer' | 'button-text' | 'button-url' | 'button-phone' | 'card-body' | 'card-header';

export interface TextField {
  kind: TextFieldKind;
  node: StringNode;
  component: Component;
  button?: Button;
}

/**
 * The last template's fields: the rules of a template ask for them in turn (a dozen times per lint).
 * Templates are not changed after they are read, so the list is shared, and read only.
 */
let lastTemplate: Template | undefined;
let lastFields: readonly TextField[] = [];

export function textFields(t: Template): readonly TextField[] {
  if (t === lastTemplate) return lastFields;
  const out = collectTextFields(t);
  lastTemplate = t;
  lastFields = out;
  return out;
}

function collectTextFields(t: Template): TextField[] {
  const out: TextField[] = [];
  for (const c of t.components) {
    if (c.type === 'HEADER' && c.text && (c.format === undefined || c.format === 'TEXT')) out.push({ kind: 'header', node: c.text, component: c });
    if (c.type === 'BODY' && c.text) out.push({ kind: 'body', node: c.text, component: c });
    if (c.type === 'FOOTER' && c.text) out.push({ kind: 'footer', node: c.text, component: c });
    for (const b of c.buttons) {
      if (b.text) out.push({ kind: 'button-text', node: b.text, component: c, button: b });
      if (b.url) out.push({ kind: 'button-url', node: b.url, component: c, button: b });
      if (b.phoneNumber) out.push({ kind: 'button-phone', node: b.phoneNumber, component: c, button: b });
    }
    for (const card of c.cards) {
      for (const cc of card) {
        if (cc.type === 'BODY' && cc.text) out.push({ kind: 'card-body', node: cc.text, component: cc });
        if (cc.type === 'HEADER' && cc.text) out.push({ kind: 'card-header', node: cc.text, component: cc });
      }
    }
  }
  return out;
}
