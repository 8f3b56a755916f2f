//! The command line: `serve` (the default: `csp-server --port 8090 --dist dist` serves),
//! `migrate`, `create-operator` and `create-partner`. Every flag has its environment variable
//! (`CSP_*`, `DATABASE_URL`) except `--test-faults`, and is documented in `--help`; an unknown
//! flag or a flag without its value is an error that names it. Only the binary uses this
//! module: the server and the tests take [`Config`] as a plain struct.

use clap::builder::BoolishValueParser;
use clap::{Args, Parser, Subcommand, ValueEnum};
use csp_core::api::PartnerKind;
use csp_server::config::{Config, MailConfig};
use csp_server::throttle::Cidr;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Parser)]
#[command(
    name = "csp-server",
    version,
    about = "The partner portal's API server: the JSON API on SQLite or PostgreSQL, and the release build beside it",
    after_help = "Without a command, `serve`: `csp-server --port 8090 --dist dist` serves."
)]
pub struct Cli {
    /// Log lines as text, or as one JSON object each (for a log collector)
    #[arg(long, global = true, env = "CSP_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Migrate the database, seed it if asked (--demo-data), and serve (the default command)
    Serve(Box<ServeArgs>),
    /// Create or update the database's tables, then exit
    Migrate(DbArgs),
    /// Create a program operator (reviews applications); prints the sign-in name and a
    /// one-time password that must be changed at first sign-in
    CreateOperator {
        /// The operator's email address, their sign-in name
        email: String,
        /// The operator's display name [default: the email's local part]
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        db: DbArgs,
    },
    /// Create an indirect reseller or provider with its global admin; prints the admin's
    /// sign-in name and a one-time password that must be changed at first sign-in
    CreatePartner(NewPartnerArgs),
}

#[derive(Debug, Args)]
pub struct DbArgs {
    /// `sqlite://FILE` (created if missing) or `postgres://USER:PASSWORD@HOST/DB`
    #[arg(long, env = "DATABASE_URL", hide_env_values = true, default_value_t = Config::default().database_url)]
    pub database_url: String,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Kind {
    IndirectReseller,
    IndirectProvider,
}

#[derive(Debug, Args)]
pub struct NewPartnerArgs {
    /// Which side of the two-tier model the partner is on
    #[arg(long, value_enum)]
    pub kind: Kind,
    /// The partner's name
    #[arg(long)]
    pub name: String,
    /// The partner's country (ISO 3166-1 alpha-2, e.g. FR)
    #[arg(long)]
    pub country: String,
    /// The partner's region (e.g. europe): a reseller authorizes providers of its region
    #[arg(long)]
    pub region: String,
    /// The global admin's email address, their sign-in name
    #[arg(long)]
    pub admin: String,
    /// The global admin's display name [default: the email's local part]
    #[arg(long)]
    pub admin_name: Option<String>,
    /// One of the partner's domains (repeat for several) [default: the admin's email domain];
    /// an onmicrosoft.com one is its work-account tenant
    #[arg(long = "domain", value_name = "DOMAIN")]
    pub domains: Vec<String>,
    #[command(flatten)]
    pub db: DbArgs,
}

fn api_prefix(v: &str) -> Result<String, String> {
    let p = format!("/{}", v.trim_matches('/'));
    if p == "/" {
        return Err("must not be /".into());
    }
    Ok(p)
}

/// `--trusted-proxies`' networks (one value: clap would read a bare `Vec` as a repeated flag).
#[derive(Debug, Clone)]
pub struct Cidrs(Vec<Cidr>);

fn cidrs(v: &str) -> Result<Cidrs, String> {
    list(v)
        .iter()
        .map(|p| p.parse())
        .collect::<Result<_, _>>()
        .map(Cidrs)
}

fn list(v: &str) -> Vec<String> {
    v.split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The address to listen on
    #[arg(long, env = "CSP_BIND", default_value_t = Config::default().bind)]
    pub bind: IpAddr,
    /// The port to listen on
    #[arg(long, env = "CSP_PORT", default_value_t = Config::default().port)]
    pub port: u16,
    /// The release build served beside the API
    #[arg(long, env = "CSP_DIST", default_value_os_t = Config::default().dist)]
    pub dist: PathBuf,
    /// The path the API is served under
    #[arg(long, env = "CSP_API_PREFIX", value_parser = api_prefix, default_value_t = Config::default().api_prefix)]
    pub api_prefix: String,
    #[command(flatten)]
    pub db: DbArgs,
    /// Host header values accepted, comma-separated (`*`: any) [default: 127.0.0.1, localhost
    /// and [::1] on the port]
    #[arg(long, env = "CSP_ALLOWED_HOSTS", value_name = "HOSTS")]
    pub allowed_hosts: Option<String>,
    /// Origins accepted on state-changing requests, comma-separated [default: http(s):// and
    /// each allowed host]
    #[arg(long, env = "CSP_ALLOWED_ORIGINS", value_name = "ORIGINS")]
    pub allowed_origins: Option<String>,
    /// Mark session cookies Secure and send HSTS (the site is served over https, e.g. behind a
    /// reverse proxy terminating TLS); `--secure-cookies false` for plain http [default: on,
    /// unless bound to a loopback address]
    #[arg(long, env = "CSP_SECURE_COOKIES", value_name = "BOOL", num_args = 0..=1,
        default_missing_value = "true", value_parser = BoolishValueParser::new())]
    pub secure_cookies: Option<bool>,
    /// Sessions end after this many minutes without a request
    #[arg(long, env = "CSP_SESSION_IDLE_MINUTES", default_value_t = Config::default().session_idle.as_secs() / 60)]
    pub session_idle_minutes: u64,
    /// Sessions end this many minutes after sign-in
    #[arg(long, env = "CSP_SESSION_ABSOLUTE_MINUTES", default_value_t = Config::default().session_absolute.as_secs() / 60)]
    pub session_absolute_minutes: u64,
    /// Request bodies over this many bytes are refused
    #[arg(long, env = "CSP_MAX_BODY_BYTES", default_value_t = Config::default().max_body_bytes)]
    pub max_body_bytes: usize,
    /// Connections served at once
    #[arg(long, env = "CSP_MAX_CONNECTIONS", default_value_t = Config::default().max_connections)]
    pub max_connections: usize,
    /// A request taking longer is answered 408
    #[arg(long, env = "CSP_REQUEST_TIMEOUT_SECS", default_value_t = Config::default().request_timeout.as_secs())]
    pub request_timeout_secs: u64,
    /// A client taking longer to send its request headers is disconnected
    #[arg(long, env = "CSP_HEADER_TIMEOUT_SECS", default_value_t = Config::default().header_read_timeout.as_secs())]
    pub header_timeout_secs: u64,
    /// Failed sign-ins allowed per account in the throttle window
    #[arg(long, env = "CSP_FAILURES_PER_ACCOUNT", default_value_t = Config::default().failures_per_account)]
    pub failures_per_account: u32,
    /// Failed sign-ins allowed per client address in the throttle window
    #[arg(long, env = "CSP_FAILURES_PER_CLIENT", default_value_t = Config::default().failures_per_client)]
    pub failures_per_client: u32,
    /// Proxies whose X-Forwarded-For names the client, comma-separated CIDRs or addresses
    /// (e.g. 10.0.0.0/8,2001:db8::/32) [default: none: the TCP peer is the client]
    #[arg(long, env = "CSP_TRUSTED_PROXIES", value_name = "CIDRS", value_parser = cidrs)]
    pub trusted_proxies: Option<Cidrs>,
    /// Serve Prometheus metrics at /metrics on this address:port, apart from the site
    /// [default: none]
    #[arg(long, env = "CSP_METRICS_ADDR", value_name = "ADDR:PORT")]
    pub metrics_addr: Option<SocketAddr>,
    /// Once shutdown begins, serve on this many seconds while /readyz answers 503, so a load
    /// balancer moves away first
    #[arg(long, env = "CSP_DRAIN_GRACE_SECS", default_value_t = Config::default().drain_grace.as_secs())]
    pub drain_grace_secs: u64,
    /// Seed an empty database with the demo partners, operator and directory, whose
    /// passwords are public: for demonstrations and tests, never for a deployment
    #[arg(long, env = "CSP_DEMO_DATA", value_parser = BoolishValueParser::new(), default_value_t = false)]
    pub demo_data: bool,
    /// Send email through this SMTP server: `smtp://host:587?tls=required` (STARTTLS),
    /// `smtps://user:password@host:465` (TLS), `smtp://127.0.0.1:2525` (plain, loopback only)
    #[arg(
        long,
        env = "CSP_SMTP_URL",
        hide_env_values = true,
        value_name = "URL",
        conflicts_with = "mail_dir"
    )]
    pub smtp_url: Option<String>,
    /// Instead of SMTP, write each email as an `.eml` file into this folder
    #[arg(long, env = "CSP_MAIL_DIR", value_name = "DIR")]
    pub mail_dir: Option<PathBuf>,
    /// The From of every email
    #[arg(long, env = "CSP_MAIL_FROM", default_value_t = MailConfig::default().from)]
    pub mail_from: String,
    /// Where users open the app (`https://partners.example.com`): the links in emails start
    /// with it. By default this server's own address
    #[arg(long, env = "CSP_PUBLIC_URL", value_name = "URL")]
    pub public_url: Option<String>,
    /// The program's name in emails
    #[arg(long, env = "CSP_PRODUCT_NAME", default_value_t = MailConfig::default().product)]
    pub product_name: String,
    /// Who signs the emails
    #[arg(long, env = "CSP_VENDOR_NAME", default_value_t = MailConfig::default().vendor)]
    pub vendor_name: String,
    /// Seconds before a failed email is tried again; doubles each time, up to an hour
    #[arg(long, env = "CSP_MAIL_RETRY_SECS", default_value_t = MailConfig::default().retry_base.as_secs())]
    pub mail_retry_secs: u64,
    /// The partner agreement's version: a new partner's global admin signs it
    #[arg(long, env = "CSP_AGREEMENT_VERSION", default_value_t = Config::default().agreement_version)]
    pub agreement_version: String,
    /// Where the agreement's full text is (shown with the signing form)
    #[arg(long, env = "CSP_AGREEMENT_URL", default_value_t = Config::default().agreement_url)]
    pub agreement_url: String,
    /// Where reseller-relationship links send the customer's Global admin, when a deployment
    /// has its own admin center for it; by default the portal's own acceptance page
    #[arg(long, env = "CSP_CUSTOMER_ACCEPTANCE_URL", value_name = "URL")]
    pub customer_acceptance_url: Option<String>,
    /// The end-to-end tests' fault switch (no environment variable, so that it cannot be
    /// left on by a deployment's environment)
    #[arg(long)]
    pub test_faults: bool,
}

impl From<ServeArgs> for Config {
    fn from(a: ServeArgs) -> Config {
        Config {
            bind: a.bind,
            port: a.port,
            dist: a.dist,
            api_prefix: a.api_prefix,
            database_url: a.db.database_url,
            allowed_hosts: a.allowed_hosts.as_deref().map(list),
            allowed_origins: a.allowed_origins.as_deref().map(list),
            // Off the loopback interface the site is someone's real deployment: over https.
            secure_cookies: a.secure_cookies.unwrap_or(!a.bind.is_loopback()),
            session_idle: Duration::from_secs(a.session_idle_minutes * 60),
            session_absolute: Duration::from_secs(a.session_absolute_minutes * 60),
            max_body_bytes: a.max_body_bytes,
            header_read_timeout: Duration::from_secs(a.header_timeout_secs),
            request_timeout: Duration::from_secs(a.request_timeout_secs),
            max_connections: a.max_connections,
            failures_per_account: a.failures_per_account,
            failures_per_client: a.failures_per_client,
            trusted_proxies: a.trusted_proxies.map(|c| c.0).unwrap_or_default(),
            metrics_addr: a.metrics_addr,
            drain_grace: Duration::from_secs(a.drain_grace_secs),
            demo_data: a.demo_data,
            test_faults: a.test_faults,
            agreement_version: a.agreement_version,
            agreement_url: a.agreement_url,
            customer_acceptance_url: a.customer_acceptance_url.filter(|u| !u.trim().is_empty()),
            mail: MailConfig {
                smtp_url: a.smtp_url,
                dir: a.mail_dir,
                from: a.mail_from,
                public_url: a.public_url,
                product: a.product_name,
                vendor: a.vendor_name,
                retry_base: Duration::from_secs(a.mail_retry_secs.max(1)),
            },
            ..Config::default()
        }
    }
}

impl From<Kind> for PartnerKind {
    fn from(k: Kind) -> PartnerKind {
        match k {
            Kind::IndirectReseller => PartnerKind::IndirectReseller,
            Kind::IndirectProvider => PartnerKind::IndirectProvider,
        }
    }
}

/// `serve` when no command is named: the arguments start with a flag (or there are none),
/// so the earlier `csp-server --port 8090 --dist dist` keeps serving. `--help` and
/// `--version` stay the program's.
pub fn with_default_command(args: Vec<String>) -> Vec<String> {
    let mut args = args;
    let first = args.get(1).map(String::as_str);
    let own = matches!(first, Some("-h" | "--help" | "-V" | "--version"));
    if !own && first.is_none_or(|a| a.starts_with('-')) {
        args.insert(1.min(args.len()), "serve".into());
    }
    args
}

/// Parses the process's arguments (with the program name first).
pub fn parse(args: Vec<String>) -> Result<Cli, clap::Error> {
    Cli::try_parse_from(with_default_command(args))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        std::iter::once("csp-server")
            .chain(s.split_whitespace())
            .map(String::from)
            .collect()
    }

    fn serve(s: &str) -> Config {
        match parse(args(s)).unwrap().command {
            Command::Serve(a) => Config::from(*a),
            c => panic!("not serve: {c:?}"),
        }
    }

    /// Cookies are Secure (and HSTS sent) off loopback unless said otherwise; on loopback
    /// only when asked.
    #[test]
    fn secure_cookies_by_default_off_loopback() {
        assert!(!serve("--port 9000").secure_cookies);
        assert!(serve("--bind 0.0.0.0").secure_cookies);
        assert!(serve("--bind ::").secure_cookies);
        assert!(!serve("--bind 0.0.0.0 --secure-cookies false").secure_cookies);
        assert!(serve("--bind 127.0.0.1 --secure-cookies true").secure_cookies);
        let json = parse(args("--log-format json --port 1")).unwrap();
        assert_eq!(json.log_format, LogFormat::Json);
        assert!(parse(args("--log-format xml")).is_err());
    }

    #[test]
    fn flags_of_the_earlier_server_and_the_new_ones() {
        let c = serve("--port 9000 --dist site --api-prefix v1/ --session-idle-minutes 5 --secure-cookies --database-url postgres://db/x");
        assert_eq!(
            (c.port, c.dist.to_str(), c.api_prefix.as_str()),
            (9000, Some("site"), "/v1")
        );
        assert_eq!(c.database_url, "postgres://db/x");
        assert_eq!(c.session_idle, Duration::from_secs(300));
        assert!(c.secure_cookies);
        assert!(!c.test_faults, "the fault switch is off unless asked for");
        assert!(!c.demo_data, "no demo data unless asked for");
        assert_eq!(c.origins(9000)[0], "https://127.0.0.1:9000");
        let c = serve("serve --allowed-hosts portal.example.com,api.example.com --demo-data");
        assert_eq!(c.hosts(1), vec!["portal.example.com", "api.example.com"]);
        assert!(c.demo_data);
        assert!(serve("--test-faults").test_faults);
        let c = serve("--trusted-proxies 10.0.0.0/8,192.0.2.7 --metrics-addr 127.0.0.1:9090 --drain-grace-secs 5");
        assert_eq!(c.trusted_proxies.len(), 2);
        assert_eq!(c.metrics_addr, Some("127.0.0.1:9090".parse().unwrap()));
        assert_eq!(c.drain_grace, Duration::from_secs(5));
        let e = parse(args("--trusted-proxies 10.0.0.0/99")).unwrap_err();
        assert!(e.to_string().contains("--trusted-proxies"), "{e}");
        let d = Config::default();
        let c = serve("");
        assert_eq!(
            (c.port, c.bind, c.dist, c.api_prefix, c.max_body_bytes),
            (d.port, d.bind, d.dist, d.api_prefix, d.max_body_bytes),
            "the defaults are Config's"
        );
    }

    #[test]
    fn wrong_command_lines_are_errors_that_name_the_flag() {
        let e = parse(args("--port 1 --bogus")).unwrap_err();
        assert_eq!(e.kind(), clap::error::ErrorKind::UnknownArgument);
        assert!(e.to_string().contains("--bogus"), "{e}");
        let e = parse(args("--port")).unwrap_err();
        assert!(e.to_string().contains("--port"), "{e}");
        let e = parse(args("--port x")).unwrap_err();
        assert!(e.to_string().contains("--port"), "{e}");
        assert!(parse(args("--api-prefix /")).is_err());
        assert!(
            parse(args("--no-demo-data")).is_err(),
            "the old flag is gone"
        );
        let e = parse(args("create-partner --name X --country FR --region europe --admin a@b.example --kind reseller")).unwrap_err();
        assert!(e.to_string().contains("--kind"), "{e}");
        let e = parse(args("create-operator")).unwrap_err();
        assert!(e.to_string().contains("EMAIL"), "{e}");
        assert!(parse(args("frobnicate")).is_err());
    }

    #[test]
    fn commands_and_their_arguments() {
        let c = parse(args("create-partner --kind indirect-provider --name Fabrikam --country FR --region europe --admin a@fabrikam.example --domain fabrikam.onmicrosoft.com --domain fabrikam.example --database-url sqlite://x.db")).unwrap();
        let Command::CreatePartner(p) = c.command else {
            panic!("not create-partner")
        };
        assert!(matches!(p.kind, Kind::IndirectProvider));
        assert_eq!(
            p.domains,
            vec!["fabrikam.onmicrosoft.com", "fabrikam.example"]
        );
        assert_eq!(p.db.database_url, "sqlite://x.db");
        let c = parse(args("create-operator ops@example.com --name Ops")).unwrap();
        assert!(matches!(
            c.command,
            Command::CreateOperator { ref email, .. } if email == "ops@example.com"
        ));
        assert!(matches!(
            parse(args("migrate")).unwrap().command,
            Command::Migrate(_)
        ));
    }

    #[test]
    fn the_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
