import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language-detect.js';

const PLACEHOLDER = /\{\{[^{}]{0,40}\}\}/g;

describe('detectLanguage', () => {
  it('names clear cases', () => {
    expect(detectLanguage('Hola {{1}}, tu pedido {{2}} ya salió de nuestro almacén y llegará pronto a tu casa.').language).toBe('es');
    expect(detectLanguage('Hi {{1}}, your order {{2}} has shipped and will be with you on {{3}}, thank you for your patience.').language).toBe('en');
    expect(detectLanguage('Здравствуйте, {{1}}! Ваш заказ {{2}} отправлен.').script).toBe('Cyrillic');
  });

  it('reads a placeholder exactly as if it were a space', () => {
    const piece = fc.constantFrom('{{', '}}', '{', '}', '{{1}}', '{{first_name}}', '{{ }}', ' ', '\n', 'the ', 'your ', 'order ', 'de ', 'la ', 'pedido ', 'заказ ', 'x'.repeat(41), 'é', '😀', '\ud83d', '@', 'www.a.b ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), (pieces) => {
        const text = pieces.join('');
        const noisy = text.includes('@') || text.includes('://') || text.includes('www.');
        const blanked = noisy ? text : text.replace(PLACEHOLDER, ' ');
        expect(detectLanguage(text)).toEqual(detectLanguage(blanked, { skipPlaceholders: noisy }));
      }),
      { numRuns: 5000 },
    );
  });
});
