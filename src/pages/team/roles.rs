//! The role table: what each role can and can't do, in the user's language, with a filter
//! by task that highlights the roles that can. Rows stack on a phone (CSS).

use crate::components::{event_value, DataTable};
use crate::env::use_env;
use crate::i18n::{use_i18n, use_title};
use csp_core::roles::{Role, RoleKind};
use yew::prelude::*;

#[function_component]
pub fn RoleTable() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let task = use_state(String::new);
    let heading = i18n.t("roles-heading");
    use_title(&heading, false);
    let tag = i18n.locale.tag();
    let mut tasks: Vec<String> = env
        .catalog
        .roles
        .iter()
        .flat_map(|r| Role::localized(&r.can, tag).cloned().unwrap_or_default())
        .collect();
    tasks.sort_unstable();
    tasks.dedup();
    let can = |r: &Role| Role::localized(&r.can, tag).is_some_and(|c| c.contains(&*task));
    let matching: Vec<String> = env
        .catalog
        .roles
        .iter()
        .filter(|r| can(r))
        .filter_map(|r| Role::localized(&r.name, tag).cloned())
        .collect();
    let onchange = {
        let task = task.clone();
        Callback::from(move |e: Event| task.set(event_value(&e)))
    };
    let list = |items: Option<&Vec<String>>| match items {
        Some(v) if !v.is_empty() => {
            html! { <ul class="list">{ for v.iter().map(|t| html! { <li>{ t }</li> }) }</ul> }
        }
        _ => html! { <span>{ "—" }</span> },
    };
    html! {
        <div>
            <h1 class="heading">{ heading }</h1>
            <p class="lead">{ i18n.t("roles-intro") }</p>
            <div class="form-group">
                <label class="label" for="role-task">{ i18n.t("roles-filter") }</label>
                <select id="role-task" class="select select--wide" {onchange}>
                    <option value="" selected={task.is_empty()}>{ i18n.t("roles-filter-all") }</option>
                    { for tasks.iter().map(|t| html! { <option value={t.clone()} selected={*t == *task}>{ t }</option> }) }
                </select>
            </div>
            if !task.is_empty() {
                <p class="inset" role="status">{ i18n.ta("roles-filter-result", &[("count", &matching.len().to_string()), ("roles", &i18n.list(&matching))]) }</p>
            }
            <DataTable caption={i18n.t("roles-heading")} columns={vec![i18n.t("roles-col-role"), i18n.t("roles-col-can"), i18n.t("roles-col-cannot")]}>
                { for env.catalog.roles.iter().map(|r| {
                    let hit = !task.is_empty() && can(r);
                    let kind = if r.kind == RoleKind::Agent { i18n.t("role-kind-agent") } else { i18n.t("role-kind-admin") };
                    html! {
                        <tr class={classes!(hit.then_some("role--match"))}>
                            <th scope="row" data-label={i18n.t("roles-col-role")}>
                                { Role::localized(&r.name, tag).cloned().unwrap_or_else(|| r.id.clone()) }
                                <span class="role-kind">{ kind }</span>
                                if hit { <strong class="tag tag--match">{ i18n.t("roles-can-do-this") }</strong> }
                            </th>
                            <td data-label={i18n.t("roles-col-can")}>{ list(Role::localized(&r.can, tag)) }</td>
                            <td data-label={i18n.t("roles-col-cannot")}>{ list(Role::localized(&r.cannot, tag)) }</td>
                        </tr>
                    }
                }) }
            </DataTable>
        </div>
    }
}
