/** Kinds of editor fields Greenlight reads. Text kinds are linted in place; choice kinds are read only. */
export type TextFieldKind = 'name' | 'header' | 'body' | 'footer' | 'buttonText' | 'buttonUrl' | 'buttonPhone' | 'offerCode' | 'sample';
export type ChoiceKind = 'category' | 'language';
export type FieldKind = TextFieldKind | ChoiceKind;
export type HeaderType = 'NONE' | 'TEXT' | 'MEDIA';

/**
 * A site the overlay knows: where it runs and how its fields are labelled. Everything here is data,
 * so a team can extend it from the options page without a new release.
 */
export interface SiteDefinition {
  id: string;
  title: string;
  /** WebExtension match patterns of the pages where the overlay runs, e.g. `https://example.com/editor/*`. */
  matches: string[];
  /**
   * Words and phrases that name each field in the editor's UI languages. Matching ignores case,
   * accents and punctuation and works on whole words; the longest matching phrase wins.
   */
  labels: Partial<Record<FieldKind, string[]>>;
  /** Words naming each category on its radio card, option or tab. */
  categories: Partial<Record<'MARKETING' | 'UTILITY' | 'AUTHENTICATION', string[]>>;
  /** Words on a button row that name the button type (e.g. "Visit website"). */
  buttonTypes?: Partial<Record<'URL' | 'PHONE_NUMBER' | 'QUICK_REPLY' | 'COPY_CODE', string[]>>;
  /**
   * Words naming the choices of the header's type picker ("None", "Text", "Media"). An empty header
   * field counts as a header only when the picker shows Text.
   */
  headerTypes?: Partial<Record<HeaderType, string[]>>;
  /**
   * Words naming the editor's preview pane ("Preview", "Anteprima"). Nothing inside a region so
   * named is a field, and its text never labels one: it repeats the template's text.
   */
  previews?: string[];
  /**
   * Words that mark a text field as not part of the template when they name it ("Search"): list
   * filters and search boxes that share the page with the editor.
   */
  ignore?: string[];
  /**
   * CSS selectors tried before the label heuristics, for sites with stable attributes (ids, data-*,
   * aria-*). Never obfuscated class names: they change with every deploy.
   */
  selectors?: Partial<Record<FieldKind, string[]>>;
}
