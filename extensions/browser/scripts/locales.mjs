// Writes public/_locales/<lang>/messages.json from locales/strings.json ({1} -> named placeholders).
// `node scripts/locales.mjs --check` fails when the committed files are stale.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const strings = JSON.parse(fs.readFileSync(path.join(root, 'locales/strings.json'), 'utf8'));
const targets = { en: ['en'], it: ['it'], pt: ['pt_BR', 'pt_PT'], es: ['es', 'es_419'], ru: ['ru'] };
const check = process.argv.includes('--check');
let stale = 0;
for (const [lang, dirs] of Object.entries(targets)) {
  const out = {};
  for (const [key, tr] of Object.entries(strings)) {
    const text = tr[lang] ?? tr.en;
    const entry = { message: text.replace(/\{(\d)\}/g, (_, n) => `$P${n}$`) };
    const nums = [...new Set([...text.matchAll(/\{(\d)\}/g)].map((m) => m[1]))];
    if (nums.length) entry.placeholders = Object.fromEntries(nums.map((n) => [`p${n}`, { content: `$${n}` }]));
    out[key] = entry;
  }
  const json = `${JSON.stringify(out, null, 2)}\n`;
  for (const dir of dirs) {
    const file = path.join(root, 'public/_locales', dir, 'messages.json');
    if (check) {
      if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== json) {
        console.error(`stale: ${file}`);
        stale++;
      }
    } else {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, json);
    }
  }
}
if (stale) process.exit(1);
