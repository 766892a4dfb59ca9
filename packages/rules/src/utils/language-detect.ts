/**
 * A small, fast language guesser for template texts: the writing system first (Cyrillic, Arabic,
 * Devanagari...), then, for Latin-script text, counts of very common function words per language.
 * No models, no network; it answers only when the evidence is clear and says "unknown" otherwise,
 * because its one job is to catch a template declared in one language and written in another.
 */
import { isLetterOrMark } from '@greenlight/core';

export type Script =
  | 'Latin'
  | 'Cyrillic'
  | 'Arabic'
  | 'Devanagari'
  | 'Bengali'
  | 'Gurmukhi'
  | 'Gujarati'
  | 'Tamil'
  | 'Telugu'
  | 'Kannada'
  | 'Malayalam'
  | 'Sinhala'
  | 'Thai'
  | 'Lao'
  | 'Khmer'
  | 'Myanmar'
  | 'Georgian'
  | 'Armenian'
  | 'Ethiopic'
  | 'Hebrew'
  | 'Greek'
  | 'Han'
  | 'Kana'
  | 'Hangul'
  | 'Other';

/** Code point ranges of the scripts templates are written in (letters and marks). */
const RANGES: [number, number, Script][] = [
  [0x00c0, 0x00d6, 'Latin'],
  [0x00d8, 0x00f6, 'Latin'],
  [0x00f8, 0x024f, 'Latin'],
  [0x1e00, 0x1eff, 'Latin'],
  [0x0370, 0x03ff, 'Greek'],
  [0x0400, 0x052f, 'Cyrillic'],
  [0x0530, 0x058f, 'Armenian'],
  [0x0590, 0x05ff, 'Hebrew'],
  [0x0600, 0x06ff, 'Arabic'],
  [0x0750, 0x077f, 'Arabic'],
  [0x08a0, 0x08ff, 'Arabic'],
  [0xfb50, 0xfdff, 'Arabic'],
  [0xfe70, 0xfeff, 'Arabic'],
  [0x0900, 0x097f, 'Devanagari'],
  [0x0980, 0x09ff, 'Bengali'],
  [0x0a00, 0x0a7f, 'Gurmukhi'],
  [0x0a80, 0x0aff, 'Gujarati'],
  [0x0b80, 0x0bff, 'Tamil'],
  [0x0c00, 0x0c7f, 'Telugu'],
  [0x0c80, 0x0cff, 'Kannada'],
  [0x0d00, 0x0d7f, 'Malayalam'],
  [0x0d80, 0x0dff, 'Sinhala'],
  [0x0e00, 0x0e7f, 'Thai'],
  [0x0e80, 0x0eff, 'Lao'],
  [0x1000, 0x109f, 'Myanmar'],
  [0x10a0, 0x10ff, 'Georgian'],
  [0x1200, 0x139f, 'Ethiopic'],
  [0x1780, 0x17ff, 'Khmer'],
  [0x3040, 0x30ff, 'Kana'],
  [0x3400, 0x4dbf, 'Han'],
  [0x4e00, 0x9fff, 'Han'],
  [0xac00, 0xd7af, 'Hangul'],
  [0x1100, 0x11ff, 'Hangul'],
];

/** Scripts by number (0: none), and every BMP code point's script number: one look-up per character. */
const SCRIPT_NAMES: (Script | undefined)[] = [undefined, ...new Set(RANGES.map((r) => r[2]))];
const PER_SCRIPT = new Int32Array(SCRIPT_NAMES.length);
const HAN = SCRIPT_NAMES.indexOf('Han');
const KANA = SCRIPT_NAMES.indexOf('Kana');
const SCRIPT_OF_BMP = (() => {
  const table = new Uint8Array(65536);
  const latin = SCRIPT_NAMES.indexOf('Latin');
  for (let c = 0x41; c <= 0x7a; c++) if (c <= 0x5a || c >= 0x61) table[c] = latin;
  for (const [lo, hi, s] of RANGES) table.fill(SCRIPT_NAMES.indexOf(s), lo, hi + 1);
  return table;
})();

/** The scripts a template language is written in. Languages not listed are written in Latin letters. */
const LANGUAGE_SCRIPTS: Record<string, Script[]> = {
  ru: ['Cyrillic'], uk: ['Cyrillic'], be: ['Cyrillic'], bg: ['Cyrillic'], mk: ['Cyrillic'], kk: ['Cyrillic'], ky: ['Cyrillic'], mn: ['Cyrillic'], tg: ['Cyrillic'],
  sr: ['Cyrillic', 'Latin'],
  ar: ['Arabic'], fa: ['Arabic'], ur: ['Arabic'], ps: ['Arabic'],
  hi: ['Devanagari', 'Latin'], mr: ['Devanagari'], ne: ['Devanagari'],
  bn: ['Bengali'], pa: ['Gurmukhi'], gu: ['Gujarati'], ta: ['Tamil'], te: ['Telugu'], kn: ['Kannada'], ml: ['Malayalam'], si: ['Sinhala'],
  th: ['Thai'], lo: ['Lao'], km: ['Khmer'], my: ['Myanmar'], ka: ['Georgian'], hy: ['Armenian'], am: ['Ethiopic'],
  he: ['Hebrew'], el: ['Greek'],
  zh: ['Han'], ja: ['Han', 'Kana'], ko: ['Hangul', 'Han'],
};

export const scriptsOf = (language: string): Script[] => LANGUAGE_SCRIPTS[language] ?? ['Latin'];

/**
 * Very common words per Latin-script language, folded (lower case, no accents). Words shared by
 * several languages count for each; the distinctive ones decide.
 */
const STOPWORDS: Record<string, string> = {
  en: 'the and you your to of for is are we our will on in with this that be has have it at by from please thank thanks if or can not was been an hi dear us my here now today when what which there they their would should',
  es: 'el la los las de del y que en un una por para con su tu tus sus es al lo se te le ha hola gracias nuestro nuestra esta ya como mas muy puedes hemos tienes pero desde hasta usted estimado',
  pt: 'o os a as de do da dos das e que em no na nos um uma por para com seu sua voce e obrigado ola nao foi esta ao pelo pela ja mais seus suas estamos sera voces agora ate',
  it: 'il lo la i gli le di del della e che in un una per con su tuo tua sono non al alla dal nel nella ti ci questo questa piu ciao grazie gentile abbiamo puoi stato stata',
  fr: 'le la les de des du et que en un une pour par avec sur votre vos est vous nous bonjour merci ne pas au aux ce cette qui dans sont a ete avez notre nos',
  de: 'der die das den dem und ist ein eine einen zu mit fur auf von sie ihr ihre dein deine wir uns nicht bitte hallo danke im am wird wurde sich auch ihren deinen noch jetzt',
  nl: 'de het een en van is je jouw uw wij we voor met op niet dank hallo zijn naar ons onze wordt bij',
  id: 'dan yang di ke dari untuk dengan ini itu anda kami kamu tidak akan sudah telah halo terima kasih pada atau bisa ya sebelum sedang silakan mohon',
  tr: 've bir bu icin ile mi cok siz sizin biz bizim merhaba tesekkur olarak olan daha gibi ama veya su lutfen numarali sayin icin sizi size',
  pl: 'i w z na sie nie jest do to ze dla twoje twoj jak po przez prosimy dziekujemy witaj panstwa',
  ro: 'si de la in cu pentru este nu va vă comanda multumim buna noi dumneavoastra',
  sv: 'och att det ar en ett for pa med din ditt vi inte hej tack',
  'hi-Latn': 'aap aapka aapki aapke hai hain ka ki ke ko se mein par aur nahi kya yeh ye woh hum humein karein kar ho gaya gayi liye abhi sirf aaj ji hamare apna apni',
};

const PROFILE_LANGS = Object.keys(STOPWORDS);
const PROFILE_COUNTS = new Int32Array(PROFILE_LANGS.length);
/** word → bit set of the languages whose profile holds it. */
const PROFILE_BITS = new Map<string, number>();
PROFILE_LANGS.forEach((lang, i) => {
  for (const w of STOPWORDS[lang]!.split(' ')) PROFILE_BITS.set(w, (PROFILE_BITS.get(w) ?? 0) | (1 << i));
});
const hasProfile = (lang: string) => lang in STOPWORDS;

/**
 * The ASCII profile words as a trie over a-z, so an ASCII word is looked up while it is read,
 * without slicing or lower-casing it: `ASCII_NEXT[node * 26 + letter]` (-1: no such word), and
 * `ASCII_BITS[node]` the languages of the word ending there.
 */
const { ASCII_NEXT, ASCII_BITS } = (() => {
  const next: number[] = new Array(26).fill(-1);
  const bits: number[] = [0];
  for (const [w, b] of PROFILE_BITS) {
    if (!/^[a-z]+$/.test(w)) continue;
    let node = 0;
    for (let i = 0; i < w.length; i++) {
      const slot = node * 26 + w.charCodeAt(i) - 97;
      if (next[slot] === -1) {
        next[slot] = bits.length;
        bits.push(0);
        for (let k = 0; k < 26; k++) next.push(-1);
      }
      node = next[slot]!;
    }
    bits[node] = b;
  }
  return { ASCII_NEXT: Int32Array.from(next), ASCII_BITS: Int32Array.from(bits) };
})();

/** Languages that may legitimately be written as each other (Hinglish under en or hi, Malay/Indonesian). */
const COMPATIBLE: Record<string, string[]> = {
  en: ['hi-Latn'],
  hi: ['hi-Latn'],
  id: ['ms'],
  ms: ['id'],
  nb: ['sv'],
  no: ['sv'],
  da: ['sv'],
};

export function compatible(declared: string, detected: string): boolean {
  if (declared === detected) return true;
  if (detected.startsWith(`${declared}-`)) return true;
  return COMPATIBLE[declared]?.includes(detected) ?? false;
}

export const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English', es: 'Spanish', pt: 'Portuguese', it: 'Italian', fr: 'French', de: 'German', nl: 'Dutch', id: 'Indonesian', ms: 'Malay',
  tr: 'Turkish', pl: 'Polish', ro: 'Romanian', sv: 'Swedish', 'hi-Latn': 'Hindi in Latin letters', ru: 'Russian', uk: 'Ukrainian',
  ar: 'Arabic', fa: 'Persian', ur: 'Urdu', hi: 'Hindi', bn: 'Bengali', ta: 'Tamil', te: 'Telugu', th: 'Thai', he: 'Hebrew', el: 'Greek',
  zh: 'Chinese', ja: 'Japanese', ko: 'Korean',
};

export interface Detection {
  /** The script most letters are written in, and its share of all letters. */
  script: Script | undefined;
  scriptShare: number;
  letters: number;
  /** Words counted for the stopword profiles (placeholders, links and numbers left out). */
  words: number;
  /** The language, when one stands out; a script guess for non-Latin scripts. */
  language: string | undefined;
  /** Function-word hits per language, for Latin script. */
  hits: Record<string, number>;
}

const NOISE = /\{\{[^{}]{0,40}\}\}|https?:\/\/\S{1,300}|www\.\S{1,300}|\S{1,64}@\S{1,255}/g;

const ASCII_WORD = /^[A-Za-z]+$/;
function fold(w: string): string {
  if (ASCII_WORD.test(w)) return w.toLowerCase();
  return w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/ı/g, 'i');
}

function guessByLetters(script: Script, text: string): string | undefined {
  switch (script) {
    case 'Cyrillic':
      return /[іїєґІЇЄҐ]/.test(text) ? 'uk' : 'ru';
    case 'Arabic':
      if (/[ٹڈڑںے]/.test(text)) return 'ur';
      return /[پچژگ]/.test(text) ? 'fa' : 'ar';
    case 'Devanagari':
      return 'hi';
    case 'Kana':
      return 'ja';
    case 'Hangul':
      return 'ko';
    case 'Han':
      return /[\u3040-\u30ff]/.test(text) ? 'ja' : 'zh';
    case 'Thai':
      return 'th';
    case 'Hebrew':
      return 'he';
    case 'Greek':
      return 'el';
    case 'Bengali':
      return 'bn';
    case 'Tamil':
      return 'ta';
    case 'Telugu':
      return 'te';
    default:
      return undefined;
  }
}

/** Enough text to judge; longer inputs are cut at a word boundary to keep this cheap. */
const SAMPLE = 600;

/** Placeholders, links and e-mail addresses: their letters say nothing about the language. */
const PLACEHOLDER = /\{\{[^{}]{0,40}\}\}/g;

/** Where a placeholder as PLACEHOLDER matches it (`{{`, up to 40 characters other than braces, `}}`) ends, if one starts at `i`; else -1. */
function placeholderEnd(text: string, i: number): number {
  if (text.charCodeAt(i) !== 123 || text.charCodeAt(i + 1) !== 123) return -1;
  // The first closing brace may come after 0 to 40 other characters.
  const last = Math.min(text.length - 1, i + 2 + 40);
  for (let j = i + 2; j <= last; j++) {
    const c = text.charCodeAt(j);
    if (c === 123) return -1;
    if (c === 125) return text.charCodeAt(j + 1) === 125 ? j + 2 : -1;
  }
  return -1;
}

/** Folded words, remembered: Unicode normalisation is the costly part and words repeat across templates. */
const foldCache = new Map<string, string>();
function foldCached(w: string): string {
  let k = foldCache.get(w);
  if (k === undefined) {
    if (foldCache.size >= 20000) foldCache.clear();
    // A copy as the key: a slice would keep the whole text it came from alive.
    foldCache.set(w.length > 12 ? (' ' + w).slice(1) : w, (k = fold(w)));
  }
  return k;
}

/** `skipPlaceholders: false` reads `{{…}}` as ordinary characters (for a text already without placeholders). */
export function detectLanguage(input: string, options: { skipPlaceholders?: boolean } = {}): Detection {
  let sample = input;
  if (sample.length > SAMPLE) {
    const cut = sample.lastIndexOf(' ', SAMPLE);
    sample = sample.slice(0, cut > SAMPLE / 2 ? cut : SAMPLE);
  }
  // Links and e-mail addresses are blanked out by regex (rare); placeholders, in nearly every
  // template, are skipped in place as if each were one space, with no copy of the text.
  const noisy = sample.includes('@') || sample.includes('://') || sample.includes('www.');
  const text = noisy ? sample.replace(NOISE, ' ') : sample;
  const skipPlaceholders = options.skipPlaceholders !== false && !noisy && text.includes('{{');
  // Letters per script, and the scripts in order of first appearance (ties go to the first seen).
  // The counters are module scratch, cleared below for the scripts seen (a typed array per call cost more than the scan).
  const perScript = PER_SCRIPT;
  const seen: number[] = [];
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i);
    if (cp === 123 && skipPlaceholders) {
      const end = placeholderEnd(text, i);
      if (end > 0) i = end - 1;
      continue;
    }
    if (cp >= 0xd800 && cp <= 0xdbff) {
      // No listed script lies outside the BMP: skip the pair (or a placeholder after a lone half).
      const end = skipPlaceholders ? placeholderEnd(text, i + 1) : -1;
      i = end > 0 ? end - 1 : i + 1;
      continue;
    }
    const k = SCRIPT_OF_BMP[cp]!;
    if (k === 0) continue;
    letters++;
    if (perScript[k] === 0) seen.push(k);
    perScript[k] = perScript[k]! + 1;
  }
  let script: Script | undefined;
  let top = 0;
  for (const k of seen) {
    if (perScript[k]! > top) {
      top = perScript[k]!;
      script = SCRIPT_NAMES[k];
    }
  }
  // Japanese mixes kanji and kana: count them as one script.
  const hanKana = perScript[HAN]! + perScript[KANA]!;
  const hanAndKana = script === 'Han' || script === 'Kana';
  for (const k of seen) perScript[k] = 0;
  if (hanAndKana) top = hanKana;
  const scriptShare = letters ? top / letters : 0;
  const hits: Record<string, number> = {};
  let words = 0;
  let language: string | undefined;
  if (script === 'Latin') {
    const counts = PROFILE_COUNTS.fill(0);
    const n = text.length;
    let start = -1;
    let ascii = true;
    // Where an ASCII word stands in the profile trie (-1: in no profile word).
    let node = 0;
    // Runs of letters and marks ([\p{L}\p{M}]+), one past the end included to close the last run.
    for (let i = 0; i <= n; ) {
      let cp = i < n ? text.codePointAt(i)! : 32;
      let next = i + (cp > 0xffff ? 2 : 1);
      if (cp === 123 && skipPlaceholders) {
        const end = placeholderEnd(text, i);
        // A placeholder reads as one space.
        if (end > 0) {
          cp = 32;
          next = end;
        }
      }
      if (isLetterOrMark(cp)) {
        if (start < 0) {
          start = i;
          ascii = true;
          node = 0;
        }
        if (cp >= 128) ascii = false;
        // An ASCII letter (isLetterOrMark says only A-Z and a-z below 128), lower-cased.
        else if (node >= 0) node = ASCII_NEXT[node * 26 + (cp | 32) - 97]!;
      } else if (start >= 0) {
        words++;
        let bits = ascii ? (node >= 0 ? ASCII_BITS[node]! : 0) : (PROFILE_BITS.get(foldCached(text.slice(start, i))) ?? 0);
        for (let b = 0; bits; b++, bits >>>= 1) if (bits & 1) counts[b]!++;
        start = -1;
      }
      i = next;
    }
    // The most hits (the first profile on ties) and the runner-up's count.
    let best = -1;
    let second = 0;
    PROFILE_LANGS.forEach((lang, i) => {
      const c = counts[i]!;
      if (!c) return;
      hits[lang] = c;
      if (best < 0 || c > counts[best]!) {
        if (best >= 0) second = Math.max(second, counts[best]!);
        best = i;
      } else second = Math.max(second, c);
    });
    const bestCount = best >= 0 ? counts[best]! : 0;
    // Clear evidence only: enough words, enough function words, well ahead of the runner-up.
    if (best >= 0 && words >= 8 && bestCount >= 3 && bestCount >= words * 0.15 && bestCount >= second * 1.5 + 1) language = PROFILE_LANGS[best];
  } else if (script) {
    const plain = skipPlaceholders ? text.replace(PLACEHOLDER, ' ') : text;
    forEachWord(plain, () => {
      words++;
    });
    language = guessByLetters(script, plain);
  }
  return { script, scriptShare, letters, words, language, hits };
}

/** Calls `f` for every run of letters and marks (`[\p{L}\p{M}]+`); `ascii` when the run is A-Z/a-z only. */
function forEachWord(text: string, f: (start: number, end: number, ascii: boolean) => void): void {
  const n = text.length;
  let start = -1;
  let ascii = true;
  for (let i = 0; i < n; ) {
    const cp = text.codePointAt(i)!;
    const w = cp > 0xffff ? 2 : 1;
    if (isLetterOrMark(cp)) {
      if (start < 0) {
        start = i;
        ascii = true;
      }
      if (cp >= 128) ascii = false;
    } else if (start >= 0) {
      f(start, i, ascii);
      start = -1;
    }
    i += w;
  }
  if (start >= 0) f(start, n, ascii);
}

export interface Mismatch {
  detected: string;
  /** Why we think so, for the message. */
  evidence: string;
}

/**
 * A confident disagreement between the declared language and the text, or undefined. Short texts,
 * mixed scripts and languages without a profile never produce one.
 */
export function languageMismatch(declared: string, text: string | Detection): Mismatch | undefined {
  const d = typeof text === 'string' ? detectLanguage(text) : text;
  if (!d.script || d.letters < 20) return undefined;
  const allowed = scriptsOf(declared);
  if (!allowed.includes(d.script) && !(d.script === 'Kana' && allowed.includes('Han'))) {
    if (d.scriptShare < 0.85) return undefined;
    if (d.script === 'Latin') {
      // Latin text under a non-Latin language: name the language only when the words say so.
      const detected = d.language && d.words >= 6 ? d.language : undefined;
      if (!detected) return d.words >= 6 && d.scriptShare >= 0.95 ? { detected: 'Latin', evidence: 'written in Latin letters' } : undefined;
      return { detected, evidence: `${d.hits[detected]} common ${LANGUAGE_NAMES[detected] ?? detected} words` };
    }
    const guess = d.language ?? d.script;
    if (compatible(declared, guess)) return undefined;
    return { detected: guess, evidence: `written in ${d.script} script` };
  }
  if (d.script !== 'Latin' || !d.language) return undefined;
  if (compatible(declared, d.language)) return undefined;
  // Only compare languages we have a profile for; otherwise a Dutch text could pass for German.
  if (!hasProfile(declared)) return undefined;
  const own = d.hits[declared] ?? 0;
  const theirs = d.hits[d.language] ?? 0;
  if (theirs < own * 2 + 2) return undefined;
  return { detected: d.language, evidence: `${theirs} common ${LANGUAGE_NAMES[d.language] ?? d.language} words, ${own} ${LANGUAGE_NAMES[declared] ?? declared}` };
}
