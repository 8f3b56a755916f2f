//! Run-time configuration, a plain struct: the binary fills it from its command line and
//! environment (`cli.rs`, which takes its defaults from here), the tests build it directly.

use std::net::IpAddr;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Clone)]
pub struct Config {
    pub bind: IpAddr,
    pub port: u16,
    pub dist: PathBuf,
    pub api_prefix: String,
    /// `sqlite://FILE` (created and migrated on start) or `postgres://...`.
    pub database_url: String,
    /// `Host` values accepted; `None` = this machine's loopback names on the bound port.
    pub allowed_hosts: Option<Vec<String>>,
    /// Origins accepted on state-changing requests; `None` = `http://` + each allowed host.
    pub allowed_origins: Option<Vec<String>>,
    /// Adds `Secure` to session cookies (set it whenever the site is served over https).
    pub secure_cookies: bool,
    pub session_idle: Duration,
    pub session_absolute: Duration,
    pub max_body_bytes: usize,
    pub header_read_timeout: Duration,
    pub request_timeout: Duration,
    pub max_connections: usize,
    /// Failed sign-ins allowed per account, and per client address, in `throttle_window`.
    pub failures_per_account: u32,
    pub failures_per_client: u32,
    pub throttle_window: Duration,
    /// Proxies whose `X-Forwarded-For` names the client (`--trusted-proxies`, CIDRs); none
    /// by default, so the TCP peer is the client.
    pub trusted_proxies: Vec<crate::throttle::Cidr>,
    /// Seeds the demo partners, operator and directory (known passwords) into an empty
    /// database. Off unless asked for: a deployment starts empty.
    pub demo_data: bool,
    /// Argon2id memory cost in KiB (OWASP's minimum for Argon2id is 19 MiB).
    pub argon2_memory_kib: u32,
    pub argon2_iterations: u32,
    /// `--test-faults` only (no environment variable): the e2e tests' fault switch (`faults.rs`).
    pub test_faults: bool,
    /// Where Prometheus metrics are served (`GET /metrics`), apart from the site; none by default.
    pub metrics_addr: Option<std::net::SocketAddr>,
    /// How long, once shutdown begins, the server keeps serving while `/readyz` says 503, so a
    /// load balancer stops sending it requests first.
    pub drain_grace: Duration,
    pub mail: MailConfig,
    /// The partner agreement a new partner's global admin signs: its version and full text.
    pub agreement_version: String,
    pub agreement_url: String,
    /// Where reseller-relationship links send the customer's Global admin (a deployment's own
    /// admin center); `None` = the portal's own acceptance page, `/customer-invitation`.
    pub customer_acceptance_url: Option<String>,
}

/// Where emails go and what they say they are from.
#[derive(Debug, Clone)]
pub struct MailConfig {
    /// `smtp://host:587?tls=required`, `smtps://user:password@host:465`, … (lettre's URL form).
    pub smtp_url: Option<String>,
    /// Instead of SMTP: one `.eml` file a message in this folder (local runs).
    pub dir: Option<PathBuf>,
    /// The From mailbox: `Contoso Partner Program <partners@contoso.example>`.
    pub from: String,
    /// Where the app is served, for the links in emails; `None` = this server's own address.
    pub public_url: Option<String>,
    pub product: String,
    pub vendor: String,
    /// A failed send is tried again after this, doubling each time (up to an hour).
    pub retry_base: Duration,
}

impl Default for MailConfig {
    fn default() -> Self {
        MailConfig {
            smtp_url: None,
            dir: None,
            from: "CSP Partner Portal <noreply@localhost>".into(),
            public_url: None,
            product: "CSP Partner Portal".into(),
            vendor: "The CSP program team".into(),
            retry_base: Duration::from_secs(5),
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            bind: IpAddr::from([127, 0, 0, 1]),
            port: 8090,
            dist: PathBuf::from("dist"),
            api_prefix: "/api".into(),
            database_url: "sqlite://csp-server.db".into(),
            allowed_hosts: None,
            allowed_origins: None,
            secure_cookies: false,
            session_idle: Duration::from_secs(30 * 60),
            session_absolute: Duration::from_secs(12 * 3600),
            max_body_bytes: 64 * 1024,
            header_read_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(20),
            max_connections: 1024,
            failures_per_account: 5,
            failures_per_client: 50,
            throttle_window: Duration::from_secs(15 * 60),
            trusted_proxies: Vec::new(),
            demo_data: false,
            argon2_memory_kib: 19 * 1024,
            argon2_iterations: 2,
            test_faults: false,
            metrics_addr: None,
            drain_grace: Duration::ZERO,
            mail: MailConfig::default(),
            agreement_version: "2026-10".into(),
            agreement_url: "https://partners.example.com/agreement/2026-10".into(),
            customer_acceptance_url: None,
        }
    }
}

impl Config {
    /// The base of the links in emails.
    pub fn public_url(&self, port: u16) -> String {
        self.mail.public_url.clone().unwrap_or_else(|| {
            let scheme = if self.secure_cookies { "https" } else { "http" };
            let host = match self.bind {
                IpAddr::V6(a) => format!("[{a}]"),
                a => a.to_string(),
            };
            format!("{scheme}://{host}:{port}")
        })
    }

    pub fn hosts(&self, port: u16) -> Vec<String> {
        self.allowed_hosts.clone().unwrap_or_else(|| {
            vec![
                format!("127.0.0.1:{port}"),
                format!("localhost:{port}"),
                format!("[::1]:{port}"),
            ]
        })
    }

    pub fn origins(&self, port: u16) -> Vec<String> {
        self.allowed_origins.clone().unwrap_or_else(|| {
            let scheme = if self.secure_cookies { "https" } else { "http" };
            self.hosts(port)
                .iter()
                .map(|h| format!("{scheme}://{h}"))
                .collect()
        })
    }
}
