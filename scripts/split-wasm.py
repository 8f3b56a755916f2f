#!/usr/bin/env python3
"""Trunk post_build hook (Trunk.toml): turns a release build into the split build (issue #12).

trunk 0.21 cannot run the splitter itself, so after its release build this script takes the
wasm cargo linked (with relocations, see build.rs), cuts it at the `wasm_split`
points of src/pages/lazy.rs with wasm-split-cli (crate wasm_split_cli_support), runs wasm-bindgen on
the main module, exports the function table again (wasm-bindgen 0.2.130 drops it and the
chunks import it), optimises every module with wasm-opt, names every file by its content and
rewrites index.html in Trunk's staging directory: new script and wasm names, their integrity,
and a modulepreload of the splitter's loader (otherwise one more round trip). It also cuts each
locale file's first groups (FIRST_PAGE_GROUPS) into `locales/<tag>.first.ftl`, the only
messages the split build fetches before its first render, and preloads that file instead of
the whole one (src/i18n.rs). Debug builds, and builds without the `split` feature, are left as
trunk made them. The start page's css is written into the html; last, the start page is
prerendered in each language (scripts/prerender.mjs).
"""
import base64
import hashlib
import json
import os
import re
import itertools
import shutil
import string
import subprocess
import sys
import tempfile

NAME = "csp-portal"
WASM_OPT_FEATURES = [
    "--enable-bulk-memory",
    "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-reference-types",
    "--enable-multivalue",
]


# The groups of each locale file the first page shows (header, start page, not found, the
# page loader's busy and retry): the first groups of every file (a csp-core test checks).
FIRST_PAGE_GROUPS = ("Shell", "Home and not found")


def first_page_messages(ftl):
    """The file's first page groups (and the resource comments before them)."""
    out, keep = [], True
    for line in ftl.split("\n"):
        if line.startswith("## "):
            keep = line[3:].strip() in FIRST_PAGE_GROUPS
        if keep:
            out.append(line)
    return "\n".join(out).rstrip("\n") + "\n"


def run(*cmd):
    subprocess.run(cmd, check=True)


def minify(js):
    """The script minified (trunk minifies its own release glue; this one is made here)."""
    out = subprocess.run(["terser", "--module", "--compress", "--mangle"], input=js.encode(),
                         check=True, capture_output=True)
    return out.stdout


def digest(*parts):
    h = hashlib.sha256()
    for p in parts:
        h.update(p)
    return h.hexdigest()[:16]


def sri(data):
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def uleb(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def read_uleb(b, i):
    n = shift = 0
    while True:
        x = b[i]
        i += 1
        n |= (x & 0x7F) << shift
        shift += 7
        if x < 0x80:
            return n, i


def sections(wasm):
    i = 8
    while i < len(wasm):
        sid = wasm[i]
        size, j = read_uleb(wasm, i + 1)
        yield sid, i, j, j + size
        i = j + size


def export_table(wasm, name="__indirect_function_table"):
    """The module with its table 0 exported as `name` (the chunks import it), if it isn't."""
    for sid, start, body, end in sections(wasm):
        if sid != 7:
            continue
        count, i = read_uleb(wasm, body)
        entries = wasm[i:end]
        if name.encode() in entries:
            return wasm
        new_body = uleb(count + 1) + entries + uleb(len(name)) + name.encode() + b"\x01" + uleb(0)
        return wasm[:start] + b"\x07" + uleb(len(new_body)) + new_body + wasm[end:]
    sys.exit("split-wasm: the main module has no export section")


def short_names():
    """`a`, `b`, ... `$`, `_`, `aa`, ...: JavaScript identifiers, shortest first."""
    first = string.ascii_letters + "$_"
    rest = first + string.digits
    for n in itertools.count(0):
        for head in first:
            for tail in itertools.product(rest, repeat=n):
                yield head + "".join(tail)


def minify_imports(wasm, glue, module="./main_bg.js"):
    """What the module imports from the glue renamed `a`, `b`, ..., in both files, and
    their module `a`.

    wasm-bindgen names each import after its JavaScript function plus a 16-digit hash, which
    compresses badly: 229 of them cost 3.9 KB gzip in the wasm and 2.9 KB in the glue (measured
    on the main module). The glue names each one once, as a key of its imports object, and the
    module once, as the key of that object.
    """
    short = b"a"
    key = f'"{module}":'
    if glue.count(key) != 1:
        sys.exit(f"split-wasm: the glue names its imports module {glue.count(key)} times, not once")
    glue = glue.replace(key, f'"{short.decode()}":')
    for sid, start, body, end in sections(wasm):
        if sid != 2:
            continue
        count, i = read_uleb(wasm, body)
        out, names = bytearray(uleb(count)), short_names()
        for _ in range(count):
            n, i = read_uleb(wasm, i)
            mod = wasm[i:i + n]
            n, i = read_uleb(wasm, i + n)
            field = wasm[i:i + n]
            i += n
            kind, j = wasm[i], i + 1
            if kind == 0:  # function: type index
                _, j = read_uleb(wasm, j)
            elif kind in (1, 2):  # table (element type first) or memory: limits
                j += kind == 1
                flags = wasm[j]
                _, j = read_uleb(wasm, j + 1)
                if flags & 1:
                    _, j = read_uleb(wasm, j)
            elif kind == 3:  # global: value type, mutability
                j += 2
            else:
                sys.exit(f"split-wasm: import of unknown kind {kind}")
            desc, i = wasm[i:j], j
            if mod == module.encode():
                new = next(names)
                key = re.compile(r"(?<![\w$])" + re.escape(field.decode()) + r"(?=\s*:)")
                glue, hits = key.subn(new, glue)
                if hits != 1:
                    sys.exit(f"split-wasm: {field.decode()} is a key {hits} times in the glue, not once")
                field, mod = new.encode(), short
            out += uleb(len(mod)) + mod + uleb(len(field)) + field + desc
        return wasm[:start] + b"\x02" + uleb(len(out)) + bytes(out) + wasm[end:], glue
    return wasm, glue


def main():
    if os.environ.get("TRUNK_PROFILE") != "release":
        return
    staging = os.environ["TRUNK_STAGING_DIR"]
    public = os.environ.get("TRUNK_PUBLIC_URL", "/")
    source = os.environ.get("TRUNK_SOURCE_DIR", ".")
    meta = subprocess.run(
        ["cargo", "metadata", "--no-deps", "--format-version", "1"],
        cwd=source, check=True, capture_output=True, text=True,
    )
    target_dir = json.loads(meta.stdout)["target_directory"]
    raw_path = os.path.join(target_dir, "wasm32-unknown-unknown", "release", f"{NAME}.wasm")
    raw = open(raw_path, "rb").read()
    if b"__wasm_split" not in raw:
        print("split-wasm: no split points (built without the `split` feature): one module")
        return
    if b"reloc.CODE" not in raw:
        sys.exit("split-wasm: the wasm has no relocations (see build.rs: --emit-relocs)")
    for tool in ("wasm-split-cli", "wasm-bindgen", "wasm-opt", "terser"):
        if shutil.which(tool) is None:
            sys.exit(f"split-wasm: {tool} is not installed: run scripts/setup.sh (or `source scripts/env.sh`)")

    with tempfile.TemporaryDirectory() as tmp:
        split_dir = os.path.join(tmp, "split")
        run("wasm-split-cli", "--target", "web", "--out-name", "main", raw_path, split_dir)
        bg_dir = os.path.join(tmp, "bg")
        run("wasm-bindgen", "--target", "web", "--no-typescript", "--out-dir", bg_dir,
            "--out-name", "main", os.path.join(split_dir, "main.wasm"))
        main_wasm = os.path.join(bg_dir, "main_bg.wasm")
        with open(main_wasm, "rb") as f:
            patched = export_table(f.read())
        glue = open(os.path.join(bg_dir, "main.js")).read()
        patched, glue = minify_imports(patched, glue)
        with open(main_wasm, "wb") as f:
            f.write(patched)
        chunks = sorted(f for f in os.listdir(split_dir) if f.endswith(".wasm") and f != "main.wasm")
        for path in [main_wasm] + [os.path.join(split_dir, c) for c in chunks]:
            # Rust's wasm puts the stack first, so the lowest KB of memory holds nothing an
            # address computation may wrap to: binaryen may then fold additions into load and
            # store offsets (0.6 KB gzip of the main module).
            # The control flow is flattened and re-looped before two size passes, which then fold
            # more of the branches Rust's codegen leaves: 0.4 KB gzip of the main module, 6 KB of
            # the chunks.
            # SPLIT_WASM_NAMES=1 keeps function names, for a profiler.
            names = ["-g"] if os.environ.get("SPLIT_WASM_NAMES") else []
            run("wasm-opt", "--flatten", "--rereloop", "-Oz", "-Oz", "--low-memory-unused", *names,
                *WASM_OPT_FEATURES, path, "-o", path)

        # Chunks are named by their content; the rest by the whole build's (the main script
        # and the loader import each other, so neither can be named by its own content alone).
        renamed = {}
        for c in chunks:
            data = open(os.path.join(split_dir, c), "rb").read()
            renamed[c] = f"{c[:-5]}-{digest(data)}.wasm"
        link = open(os.path.join(split_dir, "__wasm_split.js")).read()
        main_bytes = open(main_wasm, "rb").read()
        build = digest(main_bytes, link.encode(), glue.encode(), *(n.encode() for n in renamed.values()))
        js_name, wasm_name, link_name = f"{NAME}-{build}.js", f"{NAME}-{build}_bg.wasm", f"__wasm_split-{build}.js"

        for old, new in renamed.items():
            link = link.replace(f'"./{old}"', f'"./{new}"')
            shutil.copyfile(os.path.join(split_dir, old), os.path.join(staging, new))
        link = link.replace('from "./main.js"', f'from "./{js_name}"')
        if f'"./{js_name}"' not in link:
            sys.exit("split-wasm: the loader does not import the main script as expected")
        # Only the script's import is renamed: the wasm's import module keeps its name.
        if 'from "./__wasm_split.js"' not in glue:
            sys.exit("split-wasm: the main script does not import the loader as expected")
        glue = glue.replace('from "./__wasm_split.js"', f'from "./{link_name}"')
        glue = glue.replace("main_bg.wasm", wasm_name)
        files = {js_name: minify(glue), wasm_name: main_bytes, link_name: minify(link)}
        for name, data in files.items():
            with open(os.path.join(staging, name), "wb") as f:
                f.write(data)

    # index.html: trunk's script and wasm replaced by the split build's.
    html_path = os.path.join(staging, "index.html")
    html = open(html_path).read()
    old_js = re.search(rf"{re.escape(NAME)}-[0-9a-f]+\.js", html).group(0)
    old_wasm = re.search(rf"{re.escape(NAME)}-[0-9a-f]+_bg\.wasm", html).group(0)
    html = html.replace(old_js, js_name).replace(old_wasm, wasm_name)

    def integrity(tag):
        for name in (js_name, wasm_name):
            if name in tag.group(0):
                return re.sub(r"integrity=\"?sha384-[A-Za-z0-9+/=]+\"?", f'integrity="{sri(files[name])}"', tag.group(0))
        return tag.group(0)

    html = re.sub(r"<link [^>]*>", integrity, html)
    locales = os.path.join(staging, "locales")
    for name in os.listdir(locales):
        if name.endswith(".ftl") and not name.endswith(".first.ftl"):
            with open(os.path.join(locales, name)) as f:
                part = first_page_messages(f.read())
            with open(os.path.join(locales, name[:-4] + ".first.ftl"), "w") as f:
                f.write(part)
    if "/locales/en.ftl" not in html:
        sys.exit("split-wasm: index.html does not preload /locales/en.ftl as expected")
    html = html.replace("/locales/en.ftl", "/locales/en.first.ftl")
    preload = f'<link rel=modulepreload crossorigin href="{public}{link_name}" integrity="{sri(files[link_name])}">'
    html = html.replace("</head>", preload + "</head>", 1)
    html = inline_styles(html, staging)
    with open(html_path, "w") as f:
        f.write(html)
    for old in (old_js, old_wasm):
        os.remove(os.path.join(staging, old))
    print(f"split-wasm: {wasm_name} + {len(renamed)} chunks: {', '.join(renamed.values())}")
    prerender(staging, source)


def inline_styles(html, staging):
    """The start page's css (static/style.css, 1.2 KB gzip) written into the html instead of
    linked: the prerendered page then paints from the html alone, one round trip, as a static
    page with its css inline would (the CSP allows it by its hash)."""
    link = re.search(r"<link\b[^>]*\bhref=\"?/?(style-[0-9a-f]+\.css)\"?[^>]*>", html)
    if not link or "stylesheet" not in link.group(0):
        sys.exit("split-wasm: index.html does not link the start page's css as expected")
    path = os.path.join(staging, link.group(1))
    css = open(path).read().strip()
    if "</" in css:
        sys.exit("split-wasm: the css cannot be inlined as it is")
    os.remove(path)
    return html.replace(link.group(0), f"<style>{css}</style>", 1)


def prerender(staging, source):
    """The start page in each language, from the app's own first render (scripts/prerender.mjs:
    node, the end-to-end tests' playwright-core and Debian's Chromium, which
    `scripts/setup.sh --browser` installs). Without them (or with CSP_PRERENDER=0) the build
    keeps trunk's page, the busy line until the wasm runs, and says so."""
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    missing = [what for what, there in (
        ("node", shutil.which("node")),
        ("playwright-core", os.path.isdir(os.path.join(source, "tests/e2e/node_modules/playwright-core"))),
        ("chromium", os.path.exists(chromium)),
    ) if not there]
    if os.environ.get("CSP_PRERENDER") == "0" or missing:
        why = "CSP_PRERENDER=0" if not missing else f"no {', '.join(missing)}: run scripts/setup.sh --browser"
        print(f"split-wasm: the start page is NOT prerendered ({why})")
        shutil.copyfile(os.path.join(staging, "index.html"), os.path.join(staging, "app.html"))
        return
    run("node", os.path.join(source, "scripts", "prerender.mjs"), staging)


if __name__ == "__main__":
    main()
