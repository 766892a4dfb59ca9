import { describe, expect, it } from 'vitest';
import { contentEditableModel, domPosition, offsetOfPoint, rangeForOffsets } from '../src/dom/editables';
import { languageCodeFromLabel } from '../src/dom/languages';
import { discover, readFields } from '../src/dom/locate';
import { builtinSites } from '../src/sites/whatsapp-manager';

function page(html: string, lang = 'en') {
  document.documentElement.lang = lang;
  document.body.innerHTML = html;
  return discover(document, { sites: builtinSites });
}
const ids = (d: ReturnType<typeof discover>) => d.fields.map((f) => f.id).sort();

describe('field discovery', () => {
  it('English: <label for>, aria-labelledby, placeholders and counters', () => {
    const d = page(`
      <label><input type="radio" name="c" checked> Marketing</label><label><input type="radio" name="c"> Utility</label>
      <label for="n">Name</label><input id="n" value="Order Update">
      <span id="bl">Body</span><textarea aria-labelledby="bl">Hi {{1}}</textarea>
      <div><div>Footer</div><div><input placeholder="Enter text"></div><div>0/60</div></div>
      <h3>Buttons</h3><div><div><label for="t">Button text</label><input id="t"></div><div><label for="u">Website URL</label><input id="u"></div></div>
      <div>Samples for body content</div><input placeholder="Enter content for {{1}}" value="Maria">`);
    expect(ids(d)).toEqual(['body', 'bodyExamples.0', 'buttons.0.text', 'buttons.0.url', 'footer', 'name']);
    expect(d.category).toBe('MARKETING');
    const { fields } = readFields(d);
    expect(fields.body).toBe('Hi {{1}}');
    expect(fields.bodyExamples).toEqual(['Maria']);
    expect(fields.buttons).toEqual([{ type: 'URL', text: '', url: '' }]);
    expect(fields.parameterFormat).toBe('positional');
  });

  it('Italian: aria-label, headings, a Lexical-style contenteditable and a role=radio card', () => {
    const d = page(
      `<div role="radio" aria-checked="false">Marketing</div><div role="radio" aria-checked="true">Utilità</div>
      <input aria-label="Nome del modello">
      <section><h4>Intestazione</h4><div><input></div></section>
      <section><h4>Corpo</h4><div><div contenteditable="true" data-lexical-editor="true"><p><span>Ciao</span></p><p><br></p><p><span>a presto</span></p></div></div></section>
      <section><h4>Piè di pagina</h4><div><input></div></section>`,
      'it',
    );
    expect(ids(d)).toEqual(['body', 'footer', 'header', 'name']);
    expect(d.category).toBe('UTILITY');
    expect(readFields(d).fields.body).toBe('Ciao\n\na presto');
  });

  it('Spanish: text before the field, two buttons in rows, a phone number', () => {
    const d = page(
      `<div>Nombre</div><input>
      <div>Cuerpo</div><textarea></textarea>
      <h3>Botones</h3>
      <div class="r"><div>Texto del botón</div><input><div>URL del sitio web</div><input></div>
      <div class="r"><div>Texto del botón</div><input><div>Número de teléfono</div><input></div>
      <div>Idioma</div><select><option>Español (MEX)</option></select>`,
      'es',
    );
    expect(ids(d)).toEqual(['body', 'buttons.0.text', 'buttons.0.url', 'buttons.1.phoneNumber', 'buttons.1.text', 'name']);
    expect(d.buttons.map((b) => b.type)).toEqual(['URL', 'PHONE_NUMBER']);
    expect(d.language).toBe('es_MX');
  });

  it('Portuguese: placeholders only, header samples told apart from body samples', () => {
    const d = page(
      `<input placeholder="Nome do modelo">
      <input placeholder="Cabeçalho">
      <textarea placeholder="Corpo da mensagem"></textarea>
      <div><h4>Exemplos do cabeçalho</h4><input placeholder="Insira o conteúdo de {{1}}"></div>
      <div><h4>Exemplos do corpo</h4><input placeholder="Insira o conteúdo de {{2}}"><input placeholder="Insira o conteúdo de {{1}}"></div>`,
      'pt',
    );
    expect(ids(d)).toEqual(['body', 'bodyExamples.0', 'bodyExamples.1', 'header', 'headerExamples.0', 'name']);
    // Samples are ordered by their variable number, not by DOM order.
    const ex = d.fields.filter((f) => f.id.startsWith('bodyExamples')).map((f) => f.el.getAttribute('placeholder'));
    expect(ex).toEqual(['Insira o conteúdo de {{1}}', 'Insira o conteúdo de {{2}}']);
  });

  it('Russian, German and French labels', () => {
    expect(ids(page(`<label>Название шаблона <input></label><label>Текст <textarea></textarea></label><label>Нижний колонтитул <input></label>`, 'ru'))).toEqual(['body', 'footer', 'name']);
    expect(ids(page(`<label>Vorlagenname <input></label><label>Textkörper <textarea></textarea></label><label>Fußzeile <input></label>`, 'de'))).toEqual(['body', 'footer', 'name']);
    expect(ids(page(`<label>Nom du modèle <input></label><label>Corps du message <textarea></textarea></label><label>Pied de page <input></label>`, 'fr'))).toEqual(['body', 'footer', 'name']);
  });

  it('falls back to length limits when labels are unknown, and ignores class names', () => {
    const d = page(`<div class="body x1n2onr6"><textarea maxlength="1024"></textarea></div><input class="footer">`);
    expect(ids(d)).toEqual(['body']);
  });

  it('named samples keep their variable names', () => {
    const d = page(`<div>Body</div><textarea>Hi {{first_name}}</textarea><input placeholder="Sample for {{first_name}}" value="Ana">`);
    const { fields } = readFields(d);
    expect(fields.bodyExamples).toEqual({ first_name: 'Ana' });
    expect(fields.parameterFormat).toBe('named');
  });

  it('an empty optional header is no header unless the type picker says Text', () => {
    const card = (picker: string, value = '') =>
      `${picker}<div><div>Header <span>· Optional</span></div><div><input placeholder="Enter text in English (US)" value="${value}"></div><div>0/60</div>
      <div>Body</div><textarea>Hi</textarea></div>`;
    // No picker on the page: the user has not chosen a header.
    let d = page(card(''));
    expect(ids(d)).toContain('header');
    expect(d.headerType).toBeUndefined();
    expect('header' in readFields(d).fields).toBe(false);
    // A select next to the header heading, set to Text: the header really is empty.
    const select = (v: string) => `<div><div id="ht">Header type</div><select aria-labelledby="ht"><option>None</option><option ${v === 'Text' ? 'selected' : ''}>Text</option><option ${v === 'Media' ? 'selected' : ''}>Media</option></select></div>`;
    d = page(card(select('Text')));
    expect(d.headerType).toBe('TEXT');
    expect(readFields(d).fields.header).toBe('');
    d = page(card(select('None')));
    expect(d.headerType).toBe('NONE');
    expect('header' in readFields(d).fields).toBe(false);
    // Whatever the picker says, a header with text is linted.
    d = page(card(select('None'), 'Hello'));
    expect(readFields(d).fields.header).toBe('Hello');
  });

  it('header type from an Italian radio group', () => {
    const d = page(
      `<section><h4>Intestazione</h4>
        <div role="radiogroup" aria-label="Tipo di intestazione"><div role="radio" aria-checked="false">Nessuna</div><div role="radio" aria-checked="true">Testo</div><div role="radio" aria-checked="false">Contenuti multimediali</div></div>
        <div><input></div></section>
      <section><h4>Corpo</h4><textarea>Ciao</textarea></section>`,
      'it',
    );
    expect(d.headerType).toBe('TEXT');
    expect(readFields(d).fields.header).toBe('');
  });

  it('a forced field (context menu) becomes the body', () => {
    document.body.innerHTML = `<textarea id="x"></textarea>`;
    const d = discover(document, { sites: builtinSites, forcedBody: document.getElementById('x') });
    expect(ids(d)).toEqual(['body']);
  });
});

describe('contenteditable text model', () => {
  it('maps offsets across paragraphs, spans and <br>', () => {
    document.body.innerHTML = `<div id="e" contenteditable="true"><p><span>Hello </span><b>world</b></p><p><br></p><p>line<br>two</p></div>`;
    const root = document.getElementById('e')!;
    const m = contentEditableModel(root);
    expect(m.text).toBe('Hello world\n\nline\ntwo');
    const r = rangeForOffsets(m, 6, 11)!;
    expect(r.toString()).toBe('world');
    expect(rangeForOffsets(m, 13, 21)!.toString()).toBe('linetwo');
    const p = domPosition(m, 18, false)!;
    expect(p.node.data).toBe('two');
    expect(offsetOfPoint(m, p.node, 1)).toBe(19);
  });

  it('plain contenteditable with text and divs', () => {
    document.body.innerHTML = `<div id="e" contenteditable="true">first<div>second</div><div><br></div></div>`;
    expect(contentEditableModel(document.getElementById('e')!).text).toBe('first\nsecond\n');
  });
});

describe('language picker labels', () => {
  it.each([
    ['English (US)', 'en_US'],
    ['Portuguese (BR)', 'pt_BR'],
    ['Italiano', 'it'],
    ['Español (MEX)', 'es_MX'],
    ['English (UK)', 'en_GB'],
    ['pt-br', 'pt_BR'],
    ['Русский', 'ru'],
    ['Deutsch', 'de'],
    ['Not a language', undefined],
  ])('%s -> %s', (label, code) => {
    expect(languageCodeFromLabel(label)).toBe(code);
  });
});
