//! The built-in role catalog goes into the app's first load (`RoleCatalog::builtin`): it is
//! embedded without the indentation that keeps `data/roles.json` readable, whitespace outside
//! strings dropped (the JSON is unchanged).

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=data/roles.json");
    let src = std::fs::read_to_string("data/roles.json").expect("data/roles.json");
    let mut out = String::with_capacity(src.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in src.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    let dir = std::env::var("OUT_DIR").expect("OUT_DIR");
    std::fs::write(Path::new(&dir).join("roles.json"), out).expect("write roles.json");
}
