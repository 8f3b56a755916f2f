//! The app's typed routes: one per page, deep-linkable, each declared once in the table below
//! with its path and the code that shows its page: the shell itself, or one page folder
//! ([`Part`]). Pages link to any route (`Route::X`) without importing each other; the shell
//! finds a route's [`Page`], and each folder's dispatch matches the enum of its own routes
//! exhaustively, so a route declared without a page does not compile.

/// Declares [`Route`]: each page's variant and the path it is at, where `:id` stands for the
/// variant's one parameter, grouped by the code that shows it: first the shell's own pages,
/// then one group for each page folder. The table gives the enum, the path of a route and the
/// route of a path, the [`Part`]s, each group's own enum of routes and the [`Page`] of a route,
/// so a page's path and its folder are written once.
macro_rules! routes {
    (
        $(#[doc = $shell_doc:literal])*
        shell $shell:ident {
            $($(#[doc = $doc:literal])* $name:ident $({ $id:ident })? => $at:literal,)*
        }
        $(
            $(#[doc = $part_doc:literal])*
            $part:ident($folder:ident) {
                $($(#[doc = $fdoc:literal])* $fname:ident $({ $fid:ident })? => $fat:literal,)*
            }
        )*
    ) => {
        #[derive(Clone, PartialEq, Debug)]
        pub enum Route {
            $($(#[doc = $doc])* $name $({ $id: String })?,)*
            $($($(#[doc = $fdoc])* $fname $({ $fid: String })?,)*)*
        }

        $(#[doc = $shell_doc])*
        #[derive(Clone, PartialEq, Debug)]
        pub enum $shell {
            $($(#[doc = $doc])* $name $({ $id: String })?,)*
        }

        $(
            $(#[doc = $part_doc])*
            #[derive(Clone, PartialEq, Debug)]
            pub enum $folder {
                $($(#[doc = $fdoc])* $fname $({ $fid: String })?,)*
            }

            impl $folder {
                /// The route as this folder's own; None for another's.
                pub fn of(route: &Route) -> Option<$folder> {
                    match route {
                        $(Route::$fname $({ $fid })? => Some($folder::$fname $({ $fid: $fid.clone() })?),)*
                        _ => None,
                    }
                }
            }
        )*

        /// The part of the portal each page folder holds (each its own chunk in a release
        /// build, see `pages::lazy`).
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        pub enum Part {
            $($part,)*
        }

        impl Part {
            pub const ALL: &'static [Part] = &[$(Part::$part),*];
        }

        /// The code that shows a route's page.
        #[derive(Clone, PartialEq, Debug)]
        pub enum Page {
            /// The shell, this page of its own.
            Shell($shell),
            /// A page folder, which takes the route as its own (`of` its part's enum).
            Folder(Part),
        }

        impl Route {
            /// Every route's path pattern.
            pub const PATTERNS: &'static [&'static str] = &[$($at,)* $($($fat,)*)*];

            /// The pattern this route is at, and its parameter.
            fn at(&self) -> (&'static str, Option<&str>) {
                match self {
                    $(Route::$name $({ $id })? => ($at, routes!(@param $($id)?)),)*
                    $($(Route::$fname $({ $fid })? => ($fat, routes!(@param $($fid)?)),)*)*
                }
            }

            /// The route at `pattern`, with its parameter if it takes one.
            fn at_pattern(pattern: &str, param: Option<String>) -> Option<Route> {
                match pattern {
                    $($at => Some(Route::$name $({ $id: param? })?),)*
                    $($($fat => Some(Route::$fname $({ $fid: param? })?),)*)*
                    _ => None,
                }
            }

            /// The code that shows this route's page.
            pub fn page(&self) -> Page {
                match self {
                    $(Route::$name $({ $id })? => Page::Shell($shell::$name $({ $id: $id.clone() })?),)*
                    $($(Route::$fname { .. } => Page::Folder(Part::$part),)*)*
                }
            }
        }
    };
    (@param $id:ident) => { Some($id.as_str()) };
    (@param) => { None };
}

routes! {
    /// The shell's own pages (`pages/home.rs`, `pages/not_found.rs`), in the first load.
    shell ShellRoute {
        Home => "/",
        /// Any path no other route is at.
        NotFound => "/404",
    }
    /// `pages/enroll/`: the enrollment journey, the application it makes and its emails.
    Enroll(EnrollRoute) {
        Welcome => "/enroll",
        PartnerType => "/enroll/partner-type",
        PartnerTypeClosed => "/enroll/partner-type-closed",
        WorkAccount => "/enroll/work-account",
        MpnId => "/enroll/mpn-id",
        LegalProfile => "/enroll/legal-profile",
        PrimaryContact => "/enroll/primary-contact",
        Support => "/enroll/support",
        Bank => "/enroll/bank",
        CheckAnswers => "/enroll/check-answers",
        Application { id } => "/applications/:id",
        /// Where a verification email's link opens (`csp_core::verification::VERIFY_PAGE`),
        /// the token in the fragment.
        VerifyEmail => "/verify-email",
        /// The in-browser demo backend's outbox: the emails it would have sent.
        Outbox => "/demo/outbox",
    }
    /// `pages/team/`: sign-in, the roles, the partner's users and the signed-in user's account.
    Team(TeamRoute) {
        SignIn => "/sign-in",
        Account => "/account",
        ChangePassword => "/account/password",
        Roles => "/roles",
        Users => "/users",
        AddUser => "/users/add",
        ConfirmUser => "/users/add/confirm",
        UserAdded => "/users/added",
        EditUser { id } => "/users/:id",
        /// The partner agreement: a global admin signs it, before the partner pages open.
        Agreement => "/account/agreement",
    }
    /// `pages/customers/`: customers and reseller relationships.
    Customers(CustomersRoute) {
        Customers => "/customers",
        AddCustomer => "/customers/add",
        CustomerAdded => "/customers/added",
        RequestRelationship => "/customers/request-relationship",
        RelationshipRequests => "/customers/relationship-requests",
        TerminateRelationship { id } => "/customers/relationship-requests/:id/terminate",
        RemoveRelationship { id } => "/customers/:id/remove-relationship",
        ProviderCustomers { id } => "/indirect-providers/:id/customers",
        /// A provider's **Add new customer** on behalf of one indirect reseller.
        AddCustomerFor { id } => "/indirect-resellers/:id/add-customer",
    }
    /// `pages/partners/`: indirect providers and indirect resellers.
    Partners(PartnersRoute) {
        IndirectProviders => "/indirect-providers",
        /// The deep link of a provider's invitation (`?invType=IndirectReseller&partnerId=…`).
        AuthorizeProvider => "/indirect-providers/authorize",
        InviteCustomers { id } => "/indirect-providers/:id/invite",
        IndirectResellers => "/indirect-resellers",
        RequestPartnership => "/indirect-resellers/request-partnership",
        RemovePartnership { id } => "/indirect-resellers/:id/remove",
    }
    /// `pages/review/`: the program operator's review of applications.
    Review(ReviewRoute) {
        ReviewQueue => "/review",
        ReviewApplication { id } => "/review/applications/:id",
    }
}

impl Route {
    /// The path of this route, its parameter percent-encoded.
    pub fn to_path(&self) -> String {
        match self.at() {
            (at, Some(id)) => at.replace(":id", &String::from(js_sys::encode_uri_component(id))),
            (at, None) => at.to_owned(),
        }
    }

    /// The route a path names, or [`Route::NotFound`]. Matched segment by segment against the
    /// patterns, where a fixed segment beats the parameter (`/users/add` is not user "add"); the
    /// parameter is percent-decoded, and one that does not decode matches nothing.
    pub fn of_path(path: &str) -> Route {
        let path = match path.strip_suffix('/') {
            Some("") | None => path,
            Some(trimmed) => trimmed,
        };
        let segments: Vec<&str> = path.split('/').collect();
        let mut with_param = None;
        for pattern in Route::PATTERNS {
            let parts = pattern.split('/');
            if parts.clone().count() != segments.len() {
                continue;
            }
            let mut param = None;
            let matches = parts.zip(&segments).all(|(part, seg)| match part {
                ":id" => {
                    param = Some(*seg);
                    !seg.is_empty()
                }
                _ => part == *seg,
            });
            match param {
                _ if !matches => {}
                None => return Route::at_pattern(pattern, None).unwrap_or(Route::NotFound),
                Some(raw) if with_param.is_none() => {
                    let decoded = js_sys::decode_uri_component(raw).ok().map(String::from);
                    with_param = decoded.and_then(|id| Route::at_pattern(pattern, Some(id)));
                }
                Some(_) => {}
            }
        }
        with_param.unwrap_or(Route::NotFound)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn every_route_is_found_at_its_own_path() {
        let id = "a b/é%";
        for pattern in Route::PATTERNS {
            let path = pattern.replace(":id", "x");
            let route = Route::of_path(&path);
            let with_id = Route::of_path(
                &pattern.replace(":id", &String::from(js_sys::encode_uri_component(id))),
            );
            assert_eq!(route.to_path(), path, "{pattern}");
            assert_eq!(
                Route::of_path(&format!("{path}/")),
                route,
                "{pattern} with a trailing slash"
            );
            assert_eq!(
                Route::of_path(&with_id.to_path()),
                with_id,
                "{pattern} with an id to decode"
            );
        }
        assert_eq!(Route::of_path("/"), Route::Home);
        // The page the backends' emails link to.
        assert_eq!(
            Route::of_path(csp_core::verification::VERIFY_PAGE),
            Route::VerifyEmail
        );
        assert_eq!(Route::of_path("/users/add"), Route::AddUser);
        assert_eq!(
            Route::of_path("/users/u-7"),
            Route::EditUser { id: "u-7".into() }
        );
        assert_eq!(
            Route::of_path("/customers/c%201/remove-relationship"),
            Route::RemoveRelationship { id: "c 1".into() }
        );
        for unknown in [
            "",
            "/nope",
            "/users/u-7/more",
            "/users//",
            "/enroll/bank/x",
            "/users/%E0%A4%A",
        ] {
            assert_eq!(Route::of_path(unknown), Route::NotFound, "{unknown:?}");
        }
    }
}
