//! Durable storage behind one type. Why `sqlx::Any` rather than a trait with two impls: the
//! schema and every query are written once in the SQL both engines share (TEXT, BIGINT, `$n`
//! parameters, `ON CONFLICT`, `RETURNING`), so one migration set and one test suite cover
//! SQLite (the default: a file created and migrated on start) and PostgreSQL (when
//! `DATABASE_URL` names one). The price is Any's small type set, which this schema fits.
//!
//! One file per table group: `users`, `sessions`, `directory` (tenants, work accounts, the
//! partner network), `applications`, `partners` (partners and authorizations) and `customers`
//! (customers and relationship requests), and `throttle` (sign-in attempt counters), each
//! adding its queries to [`Store`].

mod applications;
mod customers;
mod directory;
mod partners;
mod sessions;
mod throttle;
mod users;

use sqlx::any::AnyPoolOptions;
use sqlx::migrate::{Migration, MigrationType, Migrator};
use sqlx::{AnyPool, Executor};
use std::borrow::Cow;

pub type DbResult<T> = Result<T, sqlx::Error>;

#[derive(Clone)]
pub struct Store {
    pub(crate) pool: AnyPool,
}

fn migrator() -> Migrator {
    Migrator {
        migrations: Cow::Owned(vec![
            Migration::new(
                1,
                Cow::Borrowed("initial"),
                MigrationType::Simple,
                Cow::Borrowed(include_str!("../../migrations/0001_initial.sql")),
                false,
            ),
            Migration::new(
                2,
                Cow::Borrowed("partners"),
                MigrationType::Simple,
                Cow::Borrowed(include_str!("../../migrations/0002_partners.sql")),
                false,
            ),
            Migration::new(
                3,
                Cow::Borrowed("throttle"),
                MigrationType::Simple,
                Cow::Borrowed(include_str!("../../migrations/0003_throttle.sql")),
                false,
            ),
        ]),
        ..Migrator::DEFAULT
    }
}

pub(crate) fn is_unique_violation(e: &sqlx::Error) -> bool {
    e.as_database_error()
        .is_some_and(|d| d.is_unique_violation())
}

impl Store {
    /// Connects (creating a SQLite file if needed) and applies pending migrations.
    pub async fn open(url: &str) -> DbResult<Store> {
        sqlx::any::install_default_drivers();
        let sqlite = url.starts_with("sqlite:");
        let url = if sqlite && !url.contains("mode=") && !url.contains(":memory:") {
            format!("{url}{}mode=rwc", if url.contains('?') { '&' } else { '?' })
        } else {
            url.to_string()
        };
        let pool = AnyPoolOptions::new()
            .max_connections(if sqlite { 4 } else { 10 })
            .acquire_timeout(std::time::Duration::from_secs(10))
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if sqlite {
                        // WAL lets readers run beside the writer; the busy timeout queues writers.
                        conn.execute("PRAGMA journal_mode = WAL").await?;
                        conn.execute("PRAGMA busy_timeout = 5000").await?;
                        conn.execute("PRAGMA foreign_keys = ON").await?;
                    }
                    Ok(())
                })
            })
            .connect(&url)
            .await?;
        migrator().run(&pool).await?;
        Ok(Store { pool })
    }

    pub async fn close(&self) {
        self.pool.close().await
    }

    /// Whether the database answers a query now (readiness).
    pub async fn ping(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }
}

pub(crate) fn enum_of<T: serde::de::DeserializeOwned>(s: &str) -> DbResult<T> {
    serde_json::from_value(serde_json::Value::String(s.into()))
        .map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

/// Enum values are stored as their JSON names (`location`, `active`).
pub(crate) mod erased {
    pub trait Ser {
        fn text(&self) -> String;
    }
    impl<T: serde::Serialize> Ser for T {
        fn text(&self) -> String {
            match serde_json::to_value(self) {
                Ok(serde_json::Value::String(s)) => s,
                _ => String::new(),
            }
        }
    }
}
