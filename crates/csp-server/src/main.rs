//! `csp-server [--port 8090] [--dist dist] [--api-prefix /api] [--database-url URL] ...`
//! (see `config.rs` for every flag and its environment variable).

use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let cfg = match csp_server::config::Config::from_args(&args, |k| std::env::var(k).ok()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("csp-server: {e}");
            std::process::exit(2);
        }
    };
    if let Err(e) = csp_server::run(cfg, csp_server::server::shutdown_signal()).await {
        eprintln!("csp-server: {e}");
        std::process::exit(1);
    }
}
