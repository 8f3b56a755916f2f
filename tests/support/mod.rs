//! Drives the mounted app the way a person does: by label text, button text and visible text.

#![allow(dead_code)]

use csp_portal::api::Api;
use csp_portal::config::Config;
use csp_portal::i18n::{preload, I18n, Locale};
use csp_portal::journey::JourneyStore;
use csp_portal::router::use_router;
use csp_portal::session::Session;
use csp_portal::shared::Shared;
use csp_portal::start::Started;
use csp_portal::{Env, Shell};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TestAppProps {
    pub env: Env,
    /// One page to mount without the shell (see [`Ui::page`]); None: the whole app.
    pub page: Option<Html>,
}

#[function_component]
fn TestApp(p: &TestAppProps) -> Html {
    let env = p.env.clone();
    match &p.page {
        Some(page) => html! {
            <PageContext {env}>{ page.clone() }</PageContext>
        },
        None => html! { <Shell config={env.config.clone()} api={env.api.clone()} {env} /> },
    }
}

#[derive(Properties, PartialEq)]
struct PageContextProps {
    env: Env,
    children: Html,
}

/// What the shell gives every page, made for one page: where the browser is, the English
/// messages, the environment (the second stage in already), a session checked and signed out,
/// and a journey; in a main content area, as the shell's.
#[function_component]
fn PageContext(p: &PageContextProps) -> Html {
    let location = use_router();
    let i18n = use_memo((), |_| I18n::new(Locale::En));
    let session = use_reducer(|| Session {
        checked: true,
        ..Session::default()
    });
    let journey = use_state(JourneyStore::default);
    let started = Started {
        env: Some(p.env.clone()),
        failed: false,
        retry: Callback::noop(),
    };
    let shared = Shared::new((location, (*i18n).clone(), started, session));
    html! {
        <ContextProvider<Shared> context={shared}>
        <ContextProvider<JourneyStore> context={(*journey).clone()}>
        <ContextProvider<Env> context={p.env.clone()}>
            <main class="main" id="main-content">{ p.children.clone() }</main>
        </ContextProvider<Env>>
        </ContextProvider<JourneyStore>>
        </ContextProvider<Shared>>
    }
}

/// A browser as a new English-speaking visitor's: nothing stored, no tab session. Returns the
/// local storage, to seed.
pub fn fresh_browser() -> web_sys::Storage {
    let w = gloo::utils::window();
    w.session_storage().unwrap().unwrap().clear().unwrap();
    let s = w.local_storage().unwrap().unwrap();
    s.clear().unwrap();
    s.set_item("csp-portal.locale", "\"en\"").unwrap();
    s
}

/// The app's environment as the tests mount it: built-in data, the in-browser backend.
pub fn default_env() -> Env {
    Env::with_api(Api::local(), Config::default())
}

pub struct Ui {
    pub root: Element,
    handle: Option<yew::AppHandle<TestApp>>,
}

fn doc() -> web_sys::Document {
    gloo::utils::document()
}

/// Lets effects, spawned calls and the in-browser backend's yield run.
pub async fn settle() {
    for _ in 0..6 {
        yew::scheduler::flush().await;
        gloo::timers::future::TimeoutFuture::new(1).await;
    }
}

impl Ui {
    /// A fresh app at `path`, with empty browser storage unless `keep_storage`.
    pub async fn at(path: &str) -> Ui {
        Self::mount(path, false).await
    }

    pub async fn mount(path: &str, keep_storage: bool) -> Ui {
        Self::mount_with(path, keep_storage, default_env).await
    }

    /// Mounts with an environment made after storage is prepared (the in-browser backend
    /// reads its state when made).
    pub async fn mount_with(path: &str, keep_storage: bool, env: impl FnOnce() -> Env) -> Ui {
        Self::mount_with_texts(path, keep_storage, env, |src| src.to_owned()).await
    }

    /// Mounts with each locale's messages as `texts` makes them from the whole file.
    pub async fn mount_with_texts(
        path: &str,
        keep_storage: bool,
        env: impl FnOnce() -> Env,
        texts: fn(&str) -> String,
    ) -> Ui {
        Self::render(path, keep_storage, texts, move || TestAppProps {
            env: env(),
            page: None,
        })
        .await
    }

    /// One page alone, at `path` (for what it reads of the location), with the context the
    /// shell would give it (see [`PageContext`]) and empty browser storage: no header, no
    /// second stage, no page loader. A link it follows changes the location, not the page.
    pub async fn page(path: &str, page: Html) -> Ui {
        Self::render(
            path,
            false,
            |src| src.to_owned(),
            move || TestAppProps {
                env: default_env(),
                page: Some(page),
            },
        )
        .await
    }

    async fn render(
        path: &str,
        keep_storage: bool,
        texts: fn(&str) -> String,
        props: impl FnOnce() -> TestAppProps,
    ) -> Ui {
        // The test server has no static/: hand the fetched locale files in directly.
        let files = [
            (Locale::En, include_str!("../../static/locales/en.ftl")),
            (Locale::Ru, include_str!("../../static/locales/ru.ftl")),
            (Locale::ZhCn, include_str!("../../static/locales/zh-CN.ftl")),
            (Locale::Fr, include_str!("../../static/locales/fr.ftl")),
        ];
        for (locale, src) in files {
            preload(locale, &texts(src));
        }
        // The app of the test before saves its unsaved draft as it goes away: let it finish.
        settle().await;
        let w = gloo::utils::window();
        if !keep_storage {
            w.local_storage().unwrap().unwrap().clear().unwrap();
            w.session_storage().unwrap().unwrap().clear().unwrap();
        }
        w.history()
            .unwrap()
            .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
            .unwrap();
        let root = doc().create_element("div").unwrap();
        doc().body().unwrap().append_child(&root).unwrap();
        let handle = yew::Renderer::<TestApp>::with_root_and_props(root.clone(), props()).render();
        settle().await;
        Ui {
            root,
            handle: Some(handle),
        }
    }

    pub fn text(&self) -> String {
        self.root.text_content().unwrap_or_default()
    }

    pub fn has_text(&self, t: &str) -> bool {
        self.text().contains(t)
    }

    /// Waits (a few seconds at most) for `t` on the page: for work of many requests, such as
    /// a list fetched page after page.
    pub async fn until(&self, t: &str) {
        for _ in 0..500 {
            if self.has_text(t) {
                return;
            }
            settle().await;
        }
    }

    #[track_caller]
    pub fn assert_text(&self, t: &str) {
        assert!(
            self.has_text(t),
            "expected {t:?} on the page; page says: {}",
            self.text()
        );
    }

    #[track_caller]
    pub fn assert_no_text(&self, t: &str) {
        assert!(
            !self.has_text(t),
            "did not expect {t:?} on the page; page says: {}",
            self.text()
        );
    }

    /// The element that has the focus, if it is in the app.
    pub fn focused(&self) -> Option<Element> {
        doc()
            .active_element()
            .filter(|a| self.root.contains(Some(a)))
    }

    pub fn heading(&self) -> String {
        self.root
            .query_selector("h1")
            .unwrap()
            .map(|h| h.text_content().unwrap_or_default())
            .unwrap_or_default()
    }

    fn all(&self, sel: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(sel).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<Element>().ok())
            .collect()
    }

    /// The control whose `<label>` text starts with `label`.
    #[track_caller]
    pub fn control(&self, label: &str) -> Element {
        let l = self
            .all("label")
            .into_iter()
            .find(|l| {
                l.text_content()
                    .unwrap_or_default()
                    .trim()
                    .starts_with(label)
            })
            .unwrap_or_else(|| panic!("no label {label:?}; page says: {}", self.text()));
        let id = l.get_attribute("for").expect("label has for");
        self.root
            .query_selector(&format!("#{id}"))
            .unwrap()
            .expect("labelled control exists")
    }

    #[track_caller]
    pub fn input(&self, label: &str) -> HtmlInputElement {
        self.control(label).dyn_into().expect("an input")
    }

    pub async fn fill(&self, label: &str, value: &str) {
        let i = self.input(label);
        i.set_value(value);
        let ev = web_sys::InputEvent::new_with_event_init_dict("input", &{
            let d = web_sys::InputEventInit::new();
            d.set_bubbles(true);
            d
        })
        .unwrap();
        i.dispatch_event(&ev).unwrap();
        settle().await;
    }

    pub async fn select(&self, label: &str, value: &str) {
        let s: HtmlSelectElement = self.control(label).dyn_into().expect("a select");
        s.set_value(value);
        let d = web_sys::EventInit::new();
        d.set_bubbles(true);
        s.dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &d).unwrap())
            .unwrap();
        settle().await;
    }

    /// Clicks a radio or checkbox by its label.
    pub async fn check(&self, label: &str) {
        self.input(label).click();
        settle().await;
    }

    /// Clicks the button or link whose text is `text`.
    #[track_caller]
    pub fn click_sync(&self, text: &str) {
        let el = self
            .all("button, a")
            .into_iter()
            .find(|b| b.text_content().unwrap_or_default().trim() == text)
            .unwrap_or_else(|| panic!("no button or link {text:?}; page says: {}", self.text()));
        el.dyn_into::<HtmlElement>().unwrap().click();
    }

    /// Presses the button (not a link) whose text is `text`.
    pub async fn press(&self, text: &str) {
        let el = self
            .all("button")
            .into_iter()
            .find(|b| b.text_content().unwrap_or_default().trim() == text)
            .unwrap_or_else(|| panic!("no button {text:?}; page says: {}", self.text()));
        el.dyn_into::<HtmlElement>().unwrap().click();
        settle().await;
    }

    pub async fn click(&self, text: &str) {
        self.click_sync(text);
        settle().await;
    }

    /// The visible error text tied to a control by aria-describedby.
    pub fn error_for(&self, label: &str) -> Option<String> {
        let c = self.control(label);
        let ids = c.get_attribute("aria-describedby").unwrap_or_default();
        ids.split_whitespace()
            .filter(|id| id.ends_with("-error"))
            .find_map(|id| self.root.query_selector(&format!("#{id}")).unwrap())
            .map(|e| e.text_content().unwrap_or_default())
    }

    pub fn invalid(&self, label: &str) -> bool {
        self.control(label).get_attribute("aria-invalid").as_deref() == Some("true")
    }

    pub fn summary(&self) -> Option<String> {
        self.root
            .query_selector(".error-summary")
            .unwrap()
            .map(|e| e.text_content().unwrap_or_default())
    }

    /// Whether a link or button with exactly this text is on the page.
    /// The button or link whose text is `text`.
    pub fn button(&self, text: &str) -> Element {
        self.all("button, a")
            .into_iter()
            .find(|b| b.text_content().unwrap_or_default().trim() == text)
            .unwrap_or_else(|| panic!("no button {text:?}; page says: {}", self.text()))
    }

    pub fn has_control(&self, text: &str) -> bool {
        self.all("button, a")
            .iter()
            .any(|b| b.text_content().unwrap_or_default().trim() == text)
    }

    /// Text of all storage, to check that secrets never reach it.
    pub fn all_storage(&self) -> String {
        let s = gloo::utils::window().local_storage().unwrap().unwrap();
        (0..s.length().unwrap())
            .filter_map(|i| s.key(i).unwrap())
            .map(|k| format!("{k}={}", s.get_item(&k).unwrap().unwrap_or_default()))
            .collect::<Vec<_>>()
            .join("\n")
    }

    pub fn stored(&self, key: &str) -> Option<String> {
        gloo::utils::window()
            .local_storage()
            .unwrap()
            .unwrap()
            .get_item(key)
            .unwrap()
    }
}

impl Drop for Ui {
    fn drop(&mut self) {
        if let Some(h) = self.handle.take() {
            h.destroy();
        }
        self.root.remove();
    }
}

/// Signs in to `env`'s in-browser backend as a user of the demo partner whose global admin is
/// `admin_email`, holding these roles: that global admin itself for a global admin, otherwise a
/// user the admin adds with the roles (at `domain`, one of the partner's) who then chooses their
/// own password. Taking roles from the partner's only user manager is refused (409).
pub async fn sign_in_with_roles(
    env: &Env,
    admin_email: &str,
    domain: &str,
    agent: Option<&str>,
    admin: Option<&str>,
) {
    use csp_core::api::{NewUser, PasswordChange, SignIn};
    use csp_core::endpoint::{ADD_USER, CHANGE_PASSWORD, SIGN_IN, SIGN_OUT};
    let sign_in = |user: &str, password: &str| SignIn {
        user_name: user.into(),
        password: password.into(),
    };
    let info = env
        .api
        .call(&SIGN_IN, &[], &sign_in(admin_email, "demo"))
        .await
        .unwrap();
    env.api.set_csrf(Some(info.csrf_token));
    if (agent, admin) == (None, Some("global-admin")) {
        return;
    }
    let tag = agent.or(admin).unwrap_or("no-role");
    let new = NewUser {
        name: format!("Tester {tag}"),
        email: format!("tester.{tag}@{domain}"),
        agent_role: agent.map(Into::into),
        admin_role: admin.map(Into::into),
        language: None,
    };
    let created = env.api.call(&ADD_USER, &[], &new).await.unwrap();
    env.api.call(&SIGN_OUT, &[], &()).await.unwrap();
    let first = sign_in(&created.sign_in_name, &created.temporary_password);
    let info = env.api.call(&SIGN_IN, &[], &first).await.unwrap();
    env.api.set_csrf(Some(info.csrf_token));
    let change = PasswordChange {
        current_password: created.temporary_password,
        new_password: "violet tundra lantern 42".into(),
    };
    env.api.call(&CHANGE_PASSWORD, &[], &change).await.unwrap();
}
