//! The product's locale files are Fluent (`static/locales/*.ftl`). The browser reads them
//! with this reader of the subset they use: `id = text` messages, `{ $arg }` placeables and
//! selects `{ $n -> [one] … *[other] … }` on plural categories or exact values. Why not
//! fluent-bundle: it cost 43 KB gzip of a 392 KB first load (measured), for features the files
//! don't use. `tests/locales.rs` checks every message of every locale against fluent-bundle,
//! so the files stay Fluent and any construct outside the subset fails a test.
//!
//! Plural categories come from the caller (the browser's `Intl.PluralRules`), so the rules
//! for Russian's `few`/`many` are CLDR's, not ours.

#[derive(Debug, Clone, PartialEq)]
enum Part {
    Text(String),
    Arg(String),
    Select {
        arg: String,
        /// (key, pattern); the default variant is at `default`.
        variants: Vec<(String, Vec<Part>)>,
        default: usize,
    },
}

/// A locale's messages.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Messages {
    /// Sorted by id (a few hundred messages: a binary search, no hash table code in the wasm).
    map: Vec<(String, Vec<Part>)>,
}

impl Messages {
    /// Reads a Fluent file. Comments, terms and anything the subset lacks are skipped, never
    /// fatal: a broken message shows its id, the rest of the file still works.
    pub fn parse(src: &str) -> Messages {
        let mut map = vec![];
        let mut lines = src.lines().peekable();
        while let Some(line) = lines.next() {
            let Some((id, first)) = line.split_once('=') else {
                continue;
            };
            let id = id.trim_end();
            if !is_identifier(id) {
                continue;
            }
            // Continuation lines are indented, or close a select with `}`.
            let mut value = first.trim_start().to_owned();
            while let Some(next) = lines.peek() {
                if next.starts_with([' ', '\t']) || next.starts_with('}') {
                    value.push('\n');
                    value.push_str(lines.next().unwrap_or_default());
                } else {
                    break;
                }
            }
            let mut chars = Cursor::new(value.trim_end());
            if let Some(parts) = pattern(&mut chars, false) {
                map.push((id.to_owned(), parts));
            }
        }
        map.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Messages { map }
    }

    fn get(&self, id: &str) -> Option<&[Part]> {
        let i = self.map.binary_search_by(|m| m.0.as_str().cmp(id)).ok()?;
        Some(&self.map[i].1)
    }

    pub fn has(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    /// The message with its arguments; `plural` names the CLDR category of a number
    /// (`one`, `few`, `other`…). None when the message is missing.
    pub fn format(
        &self,
        id: &str,
        args: &[(&str, &str)],
        plural: &dyn Fn(f64) -> String,
    ) -> Option<String> {
        let mut out = String::new();
        write(self.get(id)?, args, plural, &mut out);
        Some(out)
    }
}

fn is_identifier(id: &str) -> bool {
    let mut c = id.chars();
    c.next().is_some_and(|f| f.is_ascii_alphabetic())
        && c.all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_')
}

fn write(parts: &[Part], args: &[(&str, &str)], plural: &dyn Fn(f64) -> String, out: &mut String) {
    let arg = |name: &str| args.iter().find(|(k, _)| *k == name).map(|(_, v)| *v);
    for p in parts {
        match p {
            Part::Text(t) => out.push_str(t),
            // Fluent shows a missing argument as `{$name}`.
            Part::Arg(name) => match arg(name) {
                Some(v) => out.push_str(v),
                None => {
                    out.push_str("{$");
                    out.push_str(name);
                    out.push('}');
                }
            },
            Part::Select {
                arg: name,
                variants,
                default,
            } => {
                let value = arg(name);
                // Fluent's order: an exact key first, then the number's plural category.
                let chosen = variants
                    .iter()
                    .position(|(k, _)| Some(k.as_str()) == value)
                    .or_else(|| {
                        // Counts are integers: parsing floats would pull core's 10 KB dec2flt
                        // table into the wasm.
                        let n = value?.trim().parse::<i64>().ok()?;
                        let c = plural(n as f64);
                        variants.iter().position(|(k, _)| *k == c)
                    })
                    .unwrap_or(*default);
                write(&variants[chosen].1, args, plural, out);
            }
        }
    }
}

struct Cursor<'a> {
    s: &'a str,
    at: usize,
}

impl<'a> Cursor<'a> {
    fn new(s: &'a str) -> Self {
        Cursor { s, at: 0 }
    }
    fn rest(&self) -> &'a str {
        &self.s[self.at..]
    }
    fn skip_blank(&mut self) {
        let r = self.rest();
        self.at += r.len() - r.trim_start().len();
    }
    fn eat(&mut self, token: &str) -> bool {
        let ok = self.rest().starts_with(token);
        if ok {
            self.at += token.len();
        }
        ok
    }
    /// Up to (not including) the first char in `stop`.
    fn until(&mut self, stop: &[char]) -> &'a str {
        let r = self.rest();
        let n = r.find(stop).unwrap_or(r.len());
        self.at += n;
        &r[..n]
    }
}

/// A pattern: text and placeables. In a variant it ends where a line starts the next variant
/// or closes the select; multi-line text keeps its line breaks without the indentation.
fn pattern(c: &mut Cursor, in_variant: bool) -> Option<Vec<Part>> {
    let mut parts = vec![];
    let mut text = String::new();
    loop {
        let chunk = c.until(&['{', '\n', '}']);
        text.push_str(chunk);
        if c.rest().is_empty() {
            break;
        }
        if c.eat("\n") {
            let r = c.rest().trim_start_matches([' ', '\t']);
            if in_variant && (r.starts_with('[') || r.starts_with("*[") || r.starts_with('}')) {
                break;
            }
            c.at = c.s.len() - r.len();
            text.push('\n');
        } else if c.rest().starts_with('}') {
            if in_variant {
                break;
            }
            return None;
        } else {
            c.eat("{");
            if !text.is_empty() {
                parts.push(Part::Text(std::mem::take(&mut text)));
            }
            parts.push(placeable(c)?);
        }
    }
    let trimmed = text.trim_end();
    if !trimmed.is_empty() {
        parts.push(Part::Text(trimmed.to_owned()));
    }
    Some(parts)
}

/// After `{`: `$arg }` or `$arg -> variants }`.
fn placeable(c: &mut Cursor) -> Option<Part> {
    c.skip_blank();
    if !c.eat("$") {
        return None;
    }
    let rest = c.rest();
    let len = rest
        .char_indices()
        .find(|&(i, ch)| {
            !(ch.is_ascii_alphanumeric() || ch == '_' || ch == '-') || rest[i..].starts_with("->")
        })
        .map_or(rest.len(), |(i, _)| i);
    let name = rest[..len].to_owned();
    c.at += len;
    c.skip_blank();
    if c.eat("}") {
        return Some(Part::Arg(name));
    }
    if !c.eat("->") {
        return None;
    }
    let mut variants = vec![];
    let mut default = None;
    loop {
        c.skip_blank();
        if c.eat("}") {
            break;
        }
        if c.eat("*") {
            default = Some(variants.len());
        }
        if !c.eat("[") {
            return None;
        }
        let key = c.until(&[']']).trim().to_owned();
        c.eat("]");
        c.skip_blank();
        variants.push((key, pattern(c, true)?));
    }
    Some(Part::Select {
        arg: name,
        variants,
        default: default?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ru_plural(n: f64) -> String {
        let i = n as u64;
        match (i % 10, i % 100) {
            (1, h) if h != 11 => "one",
            (2..=4, h) if !(12..=14).contains(&h) => "few",
            _ => "many",
        }
        .to_owned()
    }

    const SRC: &str = "# comment\nhello = Hello, { $name }!\nn = Введите не более { $max ->\n    [one] { $max } символа\n    [few] { $max } символов\n   *[other] { $max } символов\n}\n-term = skipped\nexact = { $n ->\n    [0] none\n   *[other] some\n}\n";

    #[test]
    fn reads_placeables_and_selects() {
        let m = Messages::parse(SRC);
        assert_eq!(
            m.format("hello", &[("name", "Иван")], &ru_plural)
                .as_deref(),
            Some("Hello, Иван!")
        );
        assert_eq!(
            m.format("n", &[("max", "21")], &ru_plural).as_deref(),
            Some("Введите не более 21 символа")
        );
        assert_eq!(
            m.format("n", &[("max", "100")], &ru_plural).as_deref(),
            Some("Введите не более 100 символов")
        );
        assert_eq!(
            m.format("exact", &[("n", "0")], &ru_plural).as_deref(),
            Some("none")
        );
        assert!(!m.has("-term"));
        assert!(m.format("missing", &[], &ru_plural).is_none());
    }

    #[test]
    fn a_missing_argument_shows_its_name() {
        let m = Messages::parse(SRC);
        assert_eq!(
            m.format("hello", &[], &ru_plural).as_deref(),
            Some("Hello, {$name}!")
        );
    }

    #[test]
    fn a_broken_message_is_skipped_not_fatal() {
        let m = Messages::parse("bad = { $x -> [one] a }\ngood = fine\nworse = a } b\n");
        assert!(!m.has("bad") && !m.has("worse"));
        assert_eq!(m.format("good", &[], &ru_plural).as_deref(), Some("fine"));
    }
}
