// The app's own messages (static/locales/<lang>.ftl) for the journeys that run in several
// languages: a test looks a label up by its message id instead of copying its text, so one
// journey runs in every language. Reads the subset of Fluent the locale files use: one-line
// messages, indented continuation lines, `{ $arg }` and `{ $n -> [one] … *[other] … }`.
import { readFileSync } from 'node:fs';

const cache = new Map();

function load(lang) {
  if (cache.has(lang)) return cache.get(lang);
  const src = readFileSync(new URL(`../../static/locales/${lang}.ftl`, import.meta.url), 'utf8');
  const messages = new Map();
  let id = null;
  for (const line of src.split('\n')) {
    const m = /^([a-zA-Z][\w-]*)\s*=\s?(.*)$/.exec(line);
    if (m) {
      id = m[1];
      messages.set(id, m[2]);
    } else if (id && ((/^\s/.test(line) && line.trim()) || line.trim() === '}')) {
      messages.set(id, `${messages.get(id)}\n${line}`);
    } else if (!line.startsWith(' ')) {
      id = null;
    }
  }
  cache.set(lang, messages);
  return messages;
}

/** The text of message `id` in `lang`, with `args` filled in (a number picks the plural). */
export function t(lang, id, args = {}) {
  const raw = load(lang).get(id);
  if (raw === undefined) throw new Error(`no message ${id} in ${lang}.ftl`);
  const plural = new Intl.PluralRules(lang);
  const select = /^\{\s*\$(\w+)\s*->\n([\s\S]*)\n\s*\}$/.exec(raw.trim());
  let text = raw.trim();
  if (select) {
    const value = args[select[1]];
    const variants = [...select[2].matchAll(/^\s*(\*?)\[(\w+)\]\s*(.*)$/gm)];
    const key = typeof value === 'number' ? plural.select(value) : String(value);
    const chosen = variants.find((v) => v[2] === key) ?? variants.find((v) => v[1] === '*');
    text = chosen[3];
  }
  return text.replace(/\{\s*\$(\w+)\s*\}/g, (_, name) => String(args[name])).replace(/\n\s+/g, ' ');
}
