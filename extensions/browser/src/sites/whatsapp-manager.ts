import type { SiteDefinition } from './types';

/**
 * WhatsApp Manager and Business Suite's template editor. Meta documents no list of editor URLs and
 * ships its UI in the user's Facebook locale, so both the URL scope and the label vocabulary are
 * broad (see docs: meta-template-rules §12). Labels cover en, it, pt, es, ru, de and fr, plus the
 * Dutch section names a public walkthrough of the editor quotes. What the real editor is known to
 * show, and where that is from: extensions/browser/docs/real-editor-notes.md.
 */
export const whatsappManager: SiteDefinition = {
  id: 'whatsapp-manager',
  title: 'WhatsApp Manager',
  matches: [
    'https://business.facebook.com/wa/manage/message-templates*',
    'https://business.facebook.com/latest/whatsapp_manager/*',
  ],
  labels: {
    name: [
      'name', 'template name', 'name your template', 'nome', 'nome del modello', 'nome do modelo', 'nome do template',
      'nombre', 'nombre de la plantilla', 'название', 'название шаблона', 'имя шаблона', 'vorlagenname', 'name der vorlage',
      'nom', 'nom du modele', 'naam',
    ],
    category: ['category', 'categoria', 'categoría', 'категория', 'kategorie', 'catégorie', 'categorie'],
    language: ['language', 'languages', 'lingua', 'lingue', 'idioma', 'idiomas', 'язык', 'языки', 'sprache', 'sprachen', 'langue', 'langues', 'taal'],
    header: ['header', 'intestazione', 'cabeçalho', 'encabezado', 'заголовок', 'шапка', 'kopfzeile', 'überschrift', 'en-tête', 'entête', 'koptekst'],
    body: [
      'body', 'message body', 'body text', 'corpo', 'corpo del messaggio', 'corpo da mensagem', 'cuerpo', 'cuerpo del mensaje',
      'текст', 'основной текст', 'текст сообщения', 'textkörper', 'nachrichtentext', 'corps', 'corps du message', 'texte du message',
      'hoofdtekst',
    ],
    footer: [
      'footer', 'piè di pagina', 'pie di pagina', 'rodapé', 'pie de página', 'nota al pie', 'нижний колонтитул', 'подвал', 'футер',
      'fußzeile', 'fusszeile', 'pied de page', 'voettekst',
    ],
    buttonText: [
      'button text', 'button label', 'button', 'testo del pulsante', 'pulsante', 'texto do botão', 'botão', 'texto del botón', 'botón',
      'текст кнопки', 'кнопка', 'button-text', 'schaltflächentext', 'schaltfläche', 'text der schaltfläche', 'texte du bouton', 'bouton',
    ],
    buttonUrl: [
      'url', 'website url', 'website', 'web site', 'link', 'url del sito web', 'sito web', 'url do site', 'site', 'url del sitio web',
      'sitio web', 'enlace', 'адрес сайта', 'веб-сайт', 'сайт', 'ссылка', 'webseite', 'website-url', 'site web', 'url du site', 'lien',
    ],
    buttonPhone: [
      'phone number', 'phone', 'numero di telefono', 'telefono', 'número de telefone', 'telefone', 'número de teléfono', 'teléfono',
      'номер телефона', 'телефон', 'telefonnummer', 'rufnummer', 'numéro de téléphone', 'téléphone',
    ],
    // The coupon code of a "Copy offer code" button (its `example` in the API).
    offerCode: [
      'offer code', 'coupon code', 'codice offerta', 'código da oferta', 'código de oferta', 'código de la oferta', 'код предложения',
      'angebotscode', "code de l'offre", 'code promo',
    ],
    sample: [
      'sample', 'samples', 'example', 'examples', 'variable sample', 'variable samples', 'esempio', 'esempi', 'campione', 'exemplo', 'exemplos', 'amostra',
      'ejemplo', 'ejemplos', 'muestra', 'пример', 'примеры', 'образец', 'beispiel', 'beispiele', 'exemple', 'exemples', 'échantillon',
    ],
  },
  categories: {
    MARKETING: ['marketing', 'маркетинг', 'маркетинговый', 'маркетинговые'],
    UTILITY: ['utility', 'utilità', 'utilidade', 'utilidad', 'служебный', 'служебные', 'сервисные', 'versorgung', 'dienstprogramm', 'utilitaire', 'hulpprogramma'],
    AUTHENTICATION: ['authentication', 'autenticazione', 'autenticação', 'autenticación', 'аутентификация', 'authentifizierung', 'authentification'],
  },
  buttonTypes: {
    URL: ['visit website', 'visita il sito web', 'acessar o site', 'visitar site', 'visitar sitio web', 'перейти на сайт', 'website besuchen', 'visiter le site web'],
    PHONE_NUMBER: ['call phone number', 'chiama numero di telefono', 'ligar para número', 'llamar al número de teléfono', 'позвонить', 'telefonnummer anrufen', 'appeler le numéro'],
    COPY_CODE: ['copy offer code', 'copia codice offerta', 'copiar código da oferta', 'copiar código de oferta', 'скопировать код', 'angebotscode kopieren', "copier le code de l'offre"],
    QUICK_REPLY: ['quick reply', 'custom', 'marketing opt-out', 'risposta rapida', 'resposta rápida', 'respuesta rápida', 'быстрый ответ', 'schnellantwort', 'réponse rapide'],
  },
  headerTypes: {
    NONE: ['none', 'no header', 'nessuno', 'nessuna', 'nenhum', 'nenhuma', 'ninguno', 'ninguna', 'нет', 'без заголовка', 'keine', 'kein', 'ohne', 'aucun', 'aucune'],
    TEXT: ['text', 'testo', 'texto', 'текст', 'texte'],
    MEDIA: [
      'media', 'image', 'video', 'document', 'location', 'immagine', 'documento', 'posizione', 'mídia', 'imagem', 'vídeo', 'localização',
      'multimedia', 'imagen', 'ubicación', 'медиа', 'медиафайл', 'изображение', 'видео', 'документ', 'местоположение', 'medien', 'bild',
      'dokument', 'standort', 'média', 'vidéo', 'emplacement', 'localisation',
    ],
  },
  previews: [
    'preview', 'message preview', 'template preview', 'anteprima', 'pré-visualização', 'visualização', 'prévia', 'vista previa',
    'previsualización', 'предварительный просмотр', 'предпросмотр', 'vorschau', 'aperçu',
  ],
  ignore: ['search', 'cerca', 'buscar', 'pesquisar', 'suchen', 'rechercher', 'поиск', 'zoeken'],
  selectors: {},
};

export const builtinSites: SiteDefinition[] = [whatsappManager];
