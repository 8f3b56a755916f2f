//! Component tests in headless Chromium for the team pages: the role table and its filter,
//! adding a user (duplicate, consumer email, missing role), the one-time password view, and
//! the navigation each built-in role gets; plus a catalog extended without code.

mod support;

use csp_core::api::NewUser;
use csp_core::endpoint::{ADD_USER, SIGN_OUT};
use csp_core::roles::{Role, RoleCatalog, RoleKind};
use csp_portal::Env;
use support::{default_env, fresh_browser, sign_in_with_roles, Ui};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A clean browser with a user of the demo reseller signed in who has these roles (in
/// `catalog`, when the test extends the built-in one).
async fn signed_in(agent: Option<&str>, admin: Option<&str>, catalog: Option<RoleCatalog>) -> Env {
    fresh_browser();
    let env = default_env();
    if let Some(c) = catalog {
        env.api.local_backend().unwrap().catalog = c;
    }
    sign_in_with_roles(
        &env,
        "admin@contoso.onmicrosoft.com",
        "contoso.com",
        agent,
        admin,
    )
    .await;
    env
}

/// A list longer than a page shows its first page and **Show more**, which appends the next
/// page until every user is shown once.
#[wasm_bindgen_test]
async fn the_users_list_shows_more_a_page_at_a_time() {
    let env = signed_in(None, Some("global-admin"), None).await;
    let total = {
        let mut b = env.api.local_backend().unwrap();
        let me = b.state.users[0].clone();
        assert_eq!(me.email, "admin@contoso.onmicrosoft.com");
        for i in 0..60 {
            b.state.users.push(csp_core::api::User {
                id: format!("USR-P{i:03}"),
                name: format!("Paged user {i:02}"),
                email: format!("paged{i}@contoso.com"),
                agent_role: None,
                admin_role: None,
                ..me.clone()
            });
        }
        let mine = |u: &&csp_core::api::User| u.partner_id == me.partner_id;
        b.state.users.iter().filter(mine).count() as u32
    };
    let ui = Ui::mount_with("/users", true, move || env).await;
    let rows = || ui.root.query_selector_all("tbody tr").unwrap().length();
    let page = csp_core::paging::DEFAULT_LIMIT as u32;
    assert!(total > page && total <= 2 * page, "{total} users");
    assert_eq!(rows(), page);
    ui.press("Show more").await;
    assert_eq!(rows(), total);
    ui.assert_text("Paged user 59");
    assert!(!ui.has_control("Show more"), "every user is shown");
}

#[wasm_bindgen_test]
async fn role_table_in_chinese_with_a_task_filter() {
    let ui = Ui::at("/roles").await;
    ui.select("Language", "zh-CN").await;
    assert_eq!(ui.heading(), "角色及其权限");
    for name in [
        "管理员代理",
        "销售代理",
        "支持人员代理",
        "全局管理员",
        "\"用户管理\"管理员",
        "计费管理员",
    ] {
        ui.assert_text(name);
    }
    ui.assert_text("可以执行的操作");
    ui.assert_text("不能执行的操作");
    ui.select("谁可以…", "请求与客户建立关系").await;
    ui.assert_text("有 2 个角色可以执行此操作：管理员代理、销售代理");
    let matches = ui.root.query_selector_all(".role--match").unwrap().length();
    assert_eq!(matches, 2);
    ui.select("语言", "en").await;
}

#[wasm_bindgen_test]
async fn navigation_follows_each_built_in_role() {
    // (agent, admin, sees user management, a feature it opens, a feature it must not open)
    let cases = [
        (
            Some("admin-agent"),
            None,
            false,
            "Service health",
            "User management",
        ),
        (
            Some("sales-agent"),
            None,
            false,
            "Customer leads",
            "Service requests",
        ),
        (
            Some("helpdesk-agent"),
            None,
            false,
            "Service health",
            "Customer relationship requests",
        ),
        (
            None,
            Some("global-admin"),
            true,
            "User management",
            "Indirect resellers",
        ),
        (
            None,
            Some("user-management-admin"),
            true,
            "User management",
            "Customers",
        ),
        (
            None,
            Some("billing-admin"),
            false,
            "Billing",
            "User management",
        ),
    ];
    for (agent, admin, manages, opens, not) in cases {
        let env = signed_in(agent, admin, None).await;
        let again = env.clone();
        let ui = Ui::mount_with("/account", true, move || env).await;
        let features = ui
            .root
            .query_selector("ul[aria-label='Parts of the portal you can open']")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap();
        assert!(
            features.contains(opens),
            "{agent:?}/{admin:?} should open {opens}: {features}"
        );
        assert!(
            !features.contains(not),
            "{agent:?}/{admin:?} must not open {not}: {features}"
        );
        assert_eq!(
            ui.has_control("Users"),
            manages,
            "{agent:?}/{admin:?} Users link"
        );
        drop(ui);
        let ui = Ui::mount_with("/users", true, move || again).await;
        if manages {
            assert_eq!(ui.heading(), "Users");
            ui.assert_text("admin@contoso.onmicrosoft.com");
        } else {
            assert_eq!(ui.heading(), "You do not have permission to see this page");
        }
    }
}

#[wasm_bindgen_test]
async fn add_a_user_once_and_see_the_password_once() {
    let ui = Ui::at("/sign-in").await;
    ui.select("Language", "en").await;
    ui.press("Sign in").await;
    ui.assert_text("Enter your user name");
    ui.fill(
        "User name (work email address)",
        "admin@contoso.onmicrosoft.com",
    )
    .await;
    ui.fill("Password", "wrong").await;
    ui.press("Sign in").await;
    ui.assert_text("The user name or password is not right");
    ui.fill("Password", "demo").await;
    ui.press("Sign in").await;
    assert_eq!(ui.heading(), "My account");
    ui.assert_text("You are not in the admin agent group.");
    ui.click("Add me to the admin agent group").await;
    ui.assert_text("You are in the admin agent group.");

    ui.click("Users").await;
    ui.click("Add user").await;
    assert_eq!(ui.heading(), "Add a user");
    assert!(
        ui.input("Not an admin").checked(),
        "not an admin is the default"
    );
    assert!(
        !ui.input("Not an agent").checked(),
        "the agent role must be chosen"
    );
    ui.click("Add").await;
    ui.assert_text("Enter the user's full name");
    ui.assert_text("Enter the user's work email address");
    ui.assert_text("Select an agent role, or \"Not an agent\"");
    ui.fill("Full name", "Li Wei").await;
    ui.fill("Email address", "liwei@qq.com").await;
    ui.assert_text("personal addresses at qq.com are not accepted");
    ui.fill("Email address", "ADMIN@contoso.onmicrosoft.com")
        .await;
    ui.assert_text("A user with this email address already exists");
    ui.fill("Email address", "li.wei@contoso.cn").await;
    ui.check("Helpdesk agent").await;
    ui.click("Add").await;
    assert_eq!(ui.heading(), "Check the new user's details");
    ui.assert_text("Helpdesk agent");
    ui.assert_text("Not an admin");
    ui.click("Add user").await;
    assert_eq!(ui.heading(), "User added");
    ui.assert_text("Copy these sign-in details now: they will not be shown again.");
    ui.assert_text("The user must change this password the first time they sign in.");
    let password = ui
        .root
        .query_selector_all("code")
        .unwrap()
        .item(1)
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(password.len(), 19, "{password}");
    assert!(
        !ui.all_storage().contains(&password),
        "the temporary password must never be stored"
    );
    ui.click("Done").await;
    ui.assert_text("li.wei@contoso.cn");
    // Going back shows nothing again.
    gloo::utils::window().history().unwrap().back().unwrap();
    support::settle().await;
    gloo::timers::future::TimeoutFuture::new(50).await;
    support::settle().await;
    ui.assert_no_text(&password);

    // The helpdesk agent signs in with the temporary password and sees only their role's pages.
    ui.click("Sign out").await;
    ui.click("Sign in").await;
    ui.fill("User name (work email address)", "li.wei@contoso.cn")
        .await;
    ui.fill("Password", &password).await;
    ui.press("Sign in").await;
    // A temporary password is changed before anything else.
    assert_eq!(ui.heading(), "Change your temporary password");
    ui.fill("Current password", &password).await;
    ui.fill("New password", "li.wei-2024-x").await;
    ui.press("Change password").await;
    ui.assert_text("Choose a password that does not contain your user name");
    ui.fill("New password", "Zk8#wq2Lm-x4v").await;
    ui.press("Change password").await;
    assert_eq!(ui.heading(), "My account");
    ui.assert_text("Search for and view a customer");
    assert!(!ui.has_control("Users"));
    // Nothing that proves who is signed in is kept in the browser's storage.
    let stored = ui.all_storage();
    assert!(!stored.contains(&password) && !stored.contains("Zk8#wq2Lm-x4v"));
    assert!(!stored.contains("session"), "{stored}");
}

#[wasm_bindgen_test]
async fn a_role_added_to_the_catalog_needs_no_code() {
    let mut catalog = RoleCatalog::builtin();
    let l = |s: &str| [("en".to_string(), s.to_string())].into_iter().collect();
    let tasks = |s: &str| {
        [("en".to_string(), vec![s.to_string()])]
            .into_iter()
            .collect()
    };
    catalog.roles.push(Role {
        id: "user-auditor".into(),
        kind: RoleKind::Admin,
        name: l("User auditor"),
        can: tasks("Review user access"),
        cannot: tasks("Change billing"),
        features: vec!["users".into()],
    });
    let mut env = signed_in(None, Some("user-auditor"), Some(catalog.clone())).await;
    env.catalog = std::rc::Rc::new(catalog);
    let ui = Ui::mount_with("/roles", true, move || env).await;
    ui.assert_text("User auditor");
    ui.assert_text("Review user access");
    assert!(
        ui.has_control("Users"),
        "the extra role's feature opens the Users page"
    );
    ui.click("Users").await;
    ui.click("Add user").await;
    ui.assert_text("User auditor");
}

#[wasm_bindgen_test]
async fn a_taken_email_refused_by_the_backend_lands_on_the_email_field() {
    let env = signed_in(None, Some("global-admin"), None).await;
    let api = env.api.clone();
    let ui = Ui::mount_with("/users/add", true, move || env).await;
    // Someone else adds the same person after this form loaded its list of users.
    let other = csp_core::api::NewUser {
        name: "Anna Petrova".into(),
        email: "anna@contoso.ru".into(),
        agent_role: None,
        admin_role: None,
        language: None,
    };
    api.call(&csp_core::endpoint::ADD_USER, &[], &other)
        .await
        .unwrap();
    ui.fill("Full name", "Anna Petrova").await;
    ui.fill("Email address", "Anna@Contoso.ru").await;
    ui.check("Not an agent").await;
    ui.press("Add").await;
    ui.press("Add user").await;
    assert_eq!(ui.heading(), "Add a user");
    assert_eq!(
        ui.error_for("Email address").as_deref(),
        Some("Error:A user with this email address already exists")
    );
    assert!(ui
        .summary()
        .unwrap()
        .contains("A user with this email address already exists"));
    assert_eq!(ui.input("Full name").value(), "Anna Petrova");
}

#[wasm_bindgen_test]
async fn a_session_that_ends_mid_form_signs_in_again_over_the_page() {
    let env = signed_in(None, Some("global-admin"), None).await;
    let api = env.api.clone();
    let ui = Ui::mount_with("/users/add", true, move || env).await;
    ui.fill("Full name", "Élodie Martin").await;
    ui.fill("Email address", "elodie.martin@contoso.fr").await;
    ui.check("Not an agent").await;
    ui.press("Add").await;
    assert_eq!(ui.heading(), "Check the new user's details");
    // The session ends elsewhere (expiry, another tab signing out).
    api.call(&SIGN_OUT, &[], &()).await.unwrap();
    ui.press("Add user").await;
    ui.assert_text("Your session has ended. Sign in again to carry on: what you typed is kept.");
    ui.assert_text("Sign in again and you will be back where you were");
    ui.fill(
        "User name (work email address)",
        "admin@contoso.onmicrosoft.com",
    )
    .await;
    ui.fill("Password", "demo").await;
    ui.press("Sign in").await;
    ui.assert_no_text("you will be back where you were");
    // Nothing typed was lost: the same user is added now.
    ui.assert_text("Élodie Martin");
    ui.press("Add user").await;
    assert_eq!(ui.heading(), "User added");
}

#[wasm_bindgen_test]
async fn a_refusal_names_the_roles_that_can() {
    // The page is open to a user management admin; the backend's catalog says otherwise.
    let env = signed_in(None, Some("user-management-admin"), None).await;
    let mut strict = RoleCatalog::builtin();
    for r in &mut strict.roles {
        if r.id == "user-management-admin" {
            r.features.retain(|f| f != "users");
        }
    }
    env.api.local_backend().unwrap().catalog = strict;
    let ui = Ui::mount_with("/users", true, move || env).await;
    ui.assert_text("Your roles do not allow this. It needs one of these roles: Global admin");
}

/// The in-browser backend keeps what it has together and its session in the tab: a user added
/// signs in after a reload, with the temporary password and then with their own; a reload keeps
/// the session; sign-out ends it.
#[wasm_bindgen_test]
async fn the_demo_keeps_added_users_and_the_session_across_reloads() {
    let env = signed_in(None, Some("global-admin"), None).await;
    let new = NewUser {
        name: "Olga Petrova".into(),
        email: "olga.petrova@contoso.onmicrosoft.com".into(),
        agent_role: Some("helpdesk-agent".into()),
        admin_role: None,
        language: None,
    };
    let created = env.api.call(&ADD_USER, &[], &new).await.unwrap();
    env.api.call(&SIGN_OUT, &[], &()).await.unwrap();
    // Each mount below makes a new in-browser backend from what the browser kept: a reload.
    let ui = Ui::mount("/sign-in", true).await;
    ui.fill("User name (work email address)", &created.sign_in_name)
        .await;
    ui.fill("Password", &created.temporary_password).await;
    ui.press("Sign in").await;
    assert_eq!(ui.heading(), "Change your temporary password");
    drop(ui);
    let ui = Ui::mount("/account/password", true).await;
    assert_eq!(
        ui.heading(),
        "Change your temporary password",
        "still signed in after a reload"
    );
    ui.fill("Current password", &created.temporary_password)
        .await;
    ui.fill("New password", "violet tundra lantern 42").await;
    ui.press("Change password").await;
    drop(ui);
    let ui = Ui::mount("/account", true).await;
    assert_eq!(ui.heading(), "My account");
    ui.assert_text("olga.petrova@contoso.onmicrosoft.com");
    ui.click("Sign out").await;
    drop(ui);
    let ui = Ui::mount("/account", true).await;
    assert_ne!(
        ui.heading(),
        "My account",
        "sign-out ends the session for good"
    );
    drop(ui);
    let ui = Ui::mount("/sign-in", true).await;
    ui.fill("User name (work email address)", &created.sign_in_name)
        .await;
    ui.fill("Password", "violet tundra lantern 42").await;
    ui.press("Sign in").await;
    assert_eq!(ui.heading(), "My account");
    ui.assert_no_text("Demo data reset");
}

/// A store of an earlier version is replaced whole, and the sign-in page says so.
#[wasm_bindgen_test]
async fn an_older_demo_store_is_reset_as_a_whole() {
    let s = fresh_browser();
    s.set_item("csp-portal.local-backend.v2", "{\"users\": []}")
        .unwrap();
    let ui = Ui::mount("/sign-in", true).await;
    ui.assert_text("Demo data reset");
    assert!(ui.stored("csp-portal.local-backend.v2").is_none());
    ui.fill(
        "User name (work email address)",
        "admin@contoso.onmicrosoft.com",
    )
    .await;
    ui.fill("Password", "demo").await;
    ui.press("Sign in").await;
    assert_eq!(ui.heading(), "My account", "the seed's users sign in");
}
