//! Every rule code has a message in every locale, every locale has the same messages as
//! English, and each file parses: a missing translation fails here, not in front of a user.

use csp_core::messages::Messages;
use csp_core::Code;
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
use std::collections::BTreeSet;

const LOCALES: [&str; 4] = ["en", "ru", "zh-CN", "fr"];

fn ids(locale: &str) -> BTreeSet<String> {
    let path = format!(
        "{}/../../static/locales/{locale}.ftl",
        env!("CARGO_MANIFEST_DIR")
    );
    let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let res = FluentResource::try_new(src)
        .unwrap_or_else(|(_, errs)| panic!("{locale}.ftl does not parse: {errs:?}"));
    let mut bundle = FluentBundle::new(vec![locale.parse().unwrap()]);
    bundle.add_resource(res).expect("no duplicate ids");
    let mut out = BTreeSet::new();
    for line in std::fs::read_to_string(&path).unwrap().lines() {
        if let Some((id, _)) = line.split_once(" =") {
            if !id.starts_with(['#', ' ']) && !id.is_empty() {
                assert!(bundle.has_message(id), "{locale}: {id}");
                out.insert(id.to_string());
            }
        }
    }
    out
}

#[test]
fn every_code_has_a_message_in_every_locale() {
    for l in LOCALES {
        let ids = ids(l);
        for c in Code::ALL {
            assert!(
                ids.contains(&format!("err-{}", c.id())),
                "{l}.ftl lacks err-{}",
                c.id()
            );
        }
    }
}

/// `err-<code>--<field>` overrides name a real code and a real field's DOM id, so a renamed
/// field cannot leave its message behind unused.
#[test]
fn field_specific_messages_name_a_real_field() {
    let fields: Vec<String> = csp_core::Field::ALL.iter().map(|f| f.dom_id()).collect();
    for id in ids("en") {
        if let Some((code, field)) = id.strip_prefix("err-").and_then(|r| r.split_once("--")) {
            assert!(
                Code::ALL.iter().any(|c| c.id() == code),
                "{id}: no code {code}"
            );
            assert!(fields.iter().any(|f| f == field), "{id}: no field {field}");
        }
    }
}

#[test]
fn every_locale_has_the_same_messages_as_english() {
    let en = ids("en");
    for l in &LOCALES[1..] {
        let other = ids(l);
        let missing: Vec<_> = en.difference(&other).collect();
        let extra: Vec<_> = other.difference(&en).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{l}: missing {missing:?}, extra {extra:?}"
        );
    }
}

#[test]
fn consumer_list_covers_the_big_providers() {
    let list = std::fs::read_to_string(format!(
        "{}/../../static/data/free-email-domains.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let mut p = csp_core::email::DomainPolicy::default();
    p.add_consumer(list.lines());
    assert!(p.consumer_count() > 4000);
    for d in csp_core::email::REQUIRED_CONSUMER_DOMAINS {
        assert!(p.is_consumer(d), "{d} missing from the list");
    }
}

/// The browser reads the files with `csp_core::messages`: every message of every locale must
/// come out exactly as fluent-bundle formats it, with numbers that hit each plural category
/// and with text arguments.
#[test]
fn the_browser_reader_agrees_with_fluent_bundle() {
    use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
    for l in LOCALES {
        let path = format!(
            "{}/../../static/locales/{l}.ftl",
            env!("CARGO_MANIFEST_DIR")
        );
        let src = std::fs::read_to_string(&path).unwrap();
        let mut bundle = FluentBundle::new(vec![l.parse().unwrap()]);
        bundle.set_use_isolating(false);
        bundle
            .add_resource(FluentResource::try_new(src.clone()).unwrap())
            .unwrap();
        let ours = Messages::parse(&src);
        let rules = PluralRules::create(
            // CLDR's plural data is per language (intl_pluralrules has `zh`, not `zh-CN`).
            l[..2].parse::<unic_langid::LanguageIdentifier>().unwrap(),
            PluralRuleType::CARDINAL,
        )
        .unwrap();
        let plural = |n: f64| {
            match rules.select(n).unwrap() {
                PluralCategory::ZERO => "zero",
                PluralCategory::ONE => "one",
                PluralCategory::TWO => "two",
                PluralCategory::FEW => "few",
                PluralCategory::MANY => "many",
                PluralCategory::OTHER => "other",
            }
            .to_owned()
        };
        let names: Vec<String> = src
            .split("{ $")
            .skip(1)
            .filter_map(|s| s.split([' ', '}']).next())
            .map(str::to_owned)
            .collect();
        let ids = ids(l);
        assert!(!ids.is_empty());
        for id in &ids {
            let msg = bundle.get_message(id).unwrap().value().unwrap();
            for value in [
                "0", "1", "2", "3", "5", "11", "21", "22", "25", "101", "Contoso",
            ] {
                let mut fa = FluentArgs::new();
                let mut args = vec![];
                for n in &names {
                    match value.parse::<f64>() {
                        Ok(x) => fa.set(n.as_str(), x),
                        Err(_) => fa.set(n.as_str(), value),
                    }
                    args.push((n.as_str(), value));
                }
                let mut errs = vec![];
                let want = bundle.format_pattern(msg, Some(&fa), &mut errs);
                assert_eq!(
                    ours.format(id, &args, &plural).as_deref(),
                    Some(want.as_ref()),
                    "{l}: {id} with {value}"
                );
            }
        }
    }
}

/// A split release build fetches only each file's first groups before its first render
/// (`scripts/split-wasm.py`, FIRST_PAGE_GROUPS): every file starts with the same two groups,
/// holding the same messages, so no language shows an id where the first page needs text.
#[test]
fn every_locale_starts_with_the_first_page_groups() {
    let first_groups = |l: &str| {
        let path = format!(
            "{}/../../static/locales/{l}.ftl",
            env!("CARGO_MANIFEST_DIR")
        );
        let src = std::fs::read_to_string(&path).unwrap();
        let groups: Vec<String> = src
            .lines()
            .filter_map(|x| x.strip_prefix("## "))
            .map(str::to_owned)
            .take(2)
            .collect();
        assert_eq!(groups, ["Shell", "Home and not found"], "{l}.ftl");
        let head = src.split("\n## ").take(3).collect::<Vec<_>>().join("\n## ");
        head.lines()
            .filter_map(|x| x.split_once(" =").map(|(id, _)| id.to_owned()))
            .filter(|id| !id.is_empty() && !id.starts_with(['#', ' ']))
            .collect::<BTreeSet<_>>()
    };
    let en = first_groups("en");
    for id in [
        "app-title",
        "sign-in",
        "home-start",
        "busy",
        "retry",
        "page-load-failed",
    ] {
        assert!(en.contains(id), "the first page needs {id}");
    }
    for l in LOCALES {
        assert_eq!(first_groups(l), en, "{l}.ftl's first page messages");
    }
}
