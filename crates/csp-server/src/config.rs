//! Run-time configuration: command-line flags first, then environment variables, then
//! defaults. The flags of the earlier server (`--port`, `--dist`, `--api-prefix`) keep working.

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
        }
    }
}

fn list(v: &str) -> Vec<String> {
    v.split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

impl Config {
    /// Reads `args` (without the program name) and the `CSP_*` / `DATABASE_URL` variables.
    pub fn from_args(
        args: &[String],
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Config, String> {
        let mut c = Config::default();
        let get = |flag: &str, var: &str| -> Option<String> {
            args.iter()
                .position(|a| a == flag)
                .and_then(|i| args.get(i + 1).cloned())
                .or_else(|| env(var))
        };
        let has = |flag: &str| args.iter().any(|a| a == flag);
        fn num<T: std::str::FromStr>(v: Option<String>, name: &str, d: T) -> Result<T, String> {
            match v {
                None => Ok(d),
                Some(s) => s.parse().map_err(|_| format!("{name}: not a number: {s}")),
            }
        }
        if let Some(b) = get("--bind", "CSP_BIND") {
            c.bind = b
                .parse()
                .map_err(|_| format!("--bind: not an IP address: {b}"))?;
        }
        c.port = num(get("--port", "CSP_PORT"), "--port", c.port)?;
        if let Some(d) = get("--dist", "CSP_DIST") {
            c.dist = d.into();
        }
        if let Some(p) = get("--api-prefix", "CSP_API_PREFIX") {
            let p = format!("/{}", p.trim_matches('/'));
            if p == "/" {
                return Err("--api-prefix must not be /".into());
            }
            c.api_prefix = p;
        }
        if let Some(u) = get("--database-url", "DATABASE_URL") {
            c.database_url = u;
        }
        c.allowed_hosts = get("--allowed-hosts", "CSP_ALLOWED_HOSTS").map(|v| list(&v));
        c.allowed_origins = get("--allowed-origins", "CSP_ALLOWED_ORIGINS").map(|v| list(&v));
        c.secure_cookies = has("--secure-cookies")
            || env("CSP_SECURE_COOKIES").is_some_and(|v| v == "1" || v == "true");
        let mins = |flag, var, d: Duration| -> Result<Duration, String> {
            Ok(Duration::from_secs(
                num(get(flag, var), flag, d.as_secs() / 60)? * 60,
            ))
        };
        c.session_idle = mins(
            "--session-idle-minutes",
            "CSP_SESSION_IDLE_MINUTES",
            c.session_idle,
        )?;
        c.session_absolute = mins(
            "--session-absolute-minutes",
            "CSP_SESSION_ABSOLUTE_MINUTES",
            c.session_absolute,
        )?;
        c.max_body_bytes = num(
            get("--max-body-bytes", "CSP_MAX_BODY_BYTES"),
            "--max-body-bytes",
            c.max_body_bytes,
        )?;
        c.max_connections = num(
            get("--max-connections", "CSP_MAX_CONNECTIONS"),
            "--max-connections",
            c.max_connections,
        )?;
        c.request_timeout = Duration::from_secs(num(
            get("--request-timeout-secs", "CSP_REQUEST_TIMEOUT_SECS"),
            "--request-timeout-secs",
            c.request_timeout.as_secs(),
        )?);
        c.header_read_timeout = Duration::from_secs(num(
            get("--header-timeout-secs", "CSP_HEADER_TIMEOUT_SECS"),
            "--header-timeout-secs",
            c.header_read_timeout.as_secs(),
        )?);
        c.failures_per_account = num(
            get("--failures-per-account", "CSP_FAILURES_PER_ACCOUNT"),
            "--failures-per-account",
            c.failures_per_account,
        )?;
        c.failures_per_client = num(
            get("--failures-per-client", "CSP_FAILURES_PER_CLIENT"),
            "--failures-per-client",
            c.failures_per_client,
        )?;
        if let Some(v) = get("--trusted-proxies", "CSP_TRUSTED_PROXIES") {
            c.trusted_proxies = list(&v)
                .iter()
                .map(|p| p.parse().map_err(|e| format!("--trusted-proxies: {e}")))
                .collect::<Result<_, String>>()?;
        }
        c.demo_data = has("--demo-data");
        c.test_faults = has("--test-faults");
        if let Some(a) = get("--metrics-addr", "CSP_METRICS_ADDR") {
            c.metrics_addr = Some(
                a.parse()
                    .map_err(|_| format!("--metrics-addr: not an address:port: {a}"))?,
            );
        }
        c.drain_grace = Duration::from_secs(num(
            get("--drain-grace-secs", "CSP_DRAIN_GRACE_SECS"),
            "--drain-grace-secs",
            0,
        )?);
        Ok(c)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn flags_of_the_earlier_server_and_the_new_ones() {
        let env = |k: &str| (k == "DATABASE_URL").then(|| "postgres://db/x".to_string());
        let c = Config::from_args(&args("--port 9000 --dist site --api-prefix v1/ --session-idle-minutes 5 --secure-cookies"), env).unwrap();
        assert_eq!(
            (c.port, c.dist.to_str(), c.api_prefix.as_str()),
            (9000, Some("site"), "/v1")
        );
        assert_eq!(c.database_url, "postgres://db/x");
        assert_eq!(c.session_idle, Duration::from_secs(300));
        assert!(c.secure_cookies);
        assert!(!c.test_faults, "the fault switch is off unless asked for");
        assert_eq!(c.origins(9000)[0], "https://127.0.0.1:9000");
        let c = Config::from_args(
            &args(
                "--database-url sqlite://a.db --allowed-hosts portal.example.com,api.example.com",
            ),
            env,
        )
        .unwrap();
        assert_eq!(
            c.database_url, "sqlite://a.db",
            "the flag wins over the environment"
        );
        assert_eq!(c.hosts(1), vec!["portal.example.com", "api.example.com"]);
        assert!(
            Config::from_args(&args("--test-faults"), |_| None)
                .unwrap()
                .test_faults
        );
        let env_only = |k: &str| (k == "CSP_TEST_FAULTS").then(|| "1".to_string());
        assert!(!Config::from_args(&[], env_only).unwrap().test_faults);
        assert!(Config::from_args(&args("--port x"), |_| None).is_err());
        assert!(Config::from_args(&args("--api-prefix /"), |_| None).is_err());
    }
}
