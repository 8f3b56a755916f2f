//! Component tests in headless Chromium for the team pages: the role table and its filter,
//! adding a user (duplicate, consumer email, missing role), the one-time password view, and
//! the navigation each built-in role gets; plus a catalog extended without code.

mod support;

use csp_core::api::User;
use csp_core::roles::{Role, RoleCatalog, RoleKind};
use support::{default_env, Ui};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn set_session(user: &User) {
    let s = gloo::utils::window().local_storage().unwrap().unwrap();
    s.clear().unwrap();
    s.set_item("csp-portal.locale", "\"en\"").unwrap();
    s.set_item(
        "csp-portal.session.v1",
        &serde_json::to_string(user).unwrap(),
    )
    .unwrap();
}

fn user_with(agent: Option<&str>, admin: Option<&str>) -> User {
    User {
        id: "USR-000000".into(),
        name: "Alex Wilber".into(),
        email: "admin@contoso.onmicrosoft.com".into(),
        agent_role: agent.map(Into::into),
        admin_role: admin.map(Into::into),
        partner_id: "7c1e9a44-2b3d-4e8f-a6c5-913d0f2e7b15".into(),
        partner_kind: Some(csp_core::api::PartnerKind::IndirectReseller),
    }
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
    ui.assert_text("有 2 个角色可以执行此操作：管理员代理, 销售代理");
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
            "Customer leads",
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
        set_session(&user_with(agent, admin));
        let ui = Ui::mount("/account", true).await;
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
        let ui = Ui::mount("/users", true).await;
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
    assert_eq!(ui.heading(), "My account");
    ui.assert_text("Search for and view a customer");
    assert!(!ui.has_control("Users"));
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
    set_session(&user_with(None, Some("user-auditor")));
    let ui = Ui::mount_with("/roles", true, move || {
        let mut env = default_env();
        env.catalog = std::rc::Rc::new(catalog);
        env
    })
    .await;
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
    set_session(&user_with(None, Some("global-admin")));
    let env = default_env();
    let api = env.api.clone();
    let ui = Ui::mount_with("/users/add", true, move || env).await;
    // Someone else adds the same person after this form loaded its list of users.
    let other = csp_core::api::NewUser {
        name: "Anna Petrova".into(),
        email: "anna@contoso.ru".into(),
        agent_role: None,
        admin_role: None,
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
