//! `csp-server [serve] [--port 8090] [--dist dist] [--database-url URL] [--demo-data] ...`,
//! `csp-server migrate`, `csp-server create-operator EMAIL`, `csp-server create-partner ...`
//! (`cli.rs`; `csp-server --help` lists every flag and its environment variable).

mod cli;

use cli::Command;
use csp_server::config::Config;
use csp_server::provision::{self, Created, NewPartner};
use csp_server::secrets::Hasher;
use csp_server::storage::Store;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() {
    let cli = match cli::parse(std::env::args().collect()) {
        Ok(c) => c,
        // Help and version to stdout with status 0; errors (naming the flag) to stderr, 2.
        Err(e) => e.exit(),
    };
    let logs = tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr);
    match cli.log_format {
        // The request's span (its id, method and path) goes with each line.
        cli::LogFormat::Json => logs.json().with_current_span(true).init(),
        cli::LogFormat::Text => logs
            .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
            .init(),
    }
    if let Err(e) = run(cli.command).await {
        eprintln!("csp-server: {e}");
        std::process::exit(1);
    }
}

async fn run(command: Command) -> Result<(), Box<dyn std::error::Error>> {
    match command {
        Command::Serve(a) => {
            csp_server::run(Config::from(*a), csp_server::server::shutdown_signal()).await
        }
        Command::Migrate(db) => {
            Store::open(&db.database_url).await?.close().await;
            println!("csp-server: the database is migrated");
            Ok(())
        }
        Command::CreateOperator { email, name, db } => {
            let store = Store::open(&db.database_url).await?;
            let r = provision::create_operator(&store, &hasher(), &email, name.as_deref()).await;
            store.close().await;
            print_created("operator", &r?);
            Ok(())
        }
        Command::CreatePartner(p) => {
            let store = Store::open(&p.db.database_url).await?;
            let new = NewPartner {
                kind: p.kind.into(),
                name: p.name,
                country: p.country,
                region: p.region,
                admin: p.admin,
                admin_name: p.admin_name,
                domains: p.domains,
            };
            let r = provision::create_partner(&store, &hasher(), &new).await;
            store.close().await;
            let c = r?;
            println!("partner ID: {}", c.partner_id);
            print_created("partner global admin", &c);
            Ok(())
        }
    }
}

/// The server's Argon2id cost: the account's hash is like every other.
fn hasher() -> Hasher {
    let d = Config::default();
    Hasher::new(d.argon2_memory_kib, d.argon2_iterations)
}

fn print_created(what: &str, c: &Created) {
    println!("created the {what}");
    println!("sign-in name: {}", c.sign_in_name);
    println!("temporary password: {}", c.temporary_password);
    println!("(shown once; it must be changed at first sign-in)");
}
