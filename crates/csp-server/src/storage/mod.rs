//! Durable storage behind one type. Why `sqlx::Any` rather than a trait with two impls: the
//! schema and every query are written once in the SQL both engines share (TEXT, BIGINT, `$n`
//! parameters, `ON CONFLICT`, `RETURNING`), so one migration set and one test suite cover
//! SQLite (the default: a file created and migrated on start) and PostgreSQL (when
//! `DATABASE_URL` names one). The price is Any's small type set, which this schema fits.
//!
//! One file per table group: `users`, `sessions`, `directory` (tenants, work accounts, the
//! partner network), `applications` (and their verification links), `outbox` (emails to
//! send), `partners` (partners and authorizations) and `customers`
//! (customers and relationship requests), and `throttle` (sign-in attempt counters), each
//! adding its queries to [`Store`], and the inserts that seeding and the first accounts need
//! to [`Tx`] too.

mod applications;
mod customers;
mod directory;
mod invitations;
mod outbox;
mod partners;
mod profiles;
mod review;
mod sessions;
mod throttle;
mod users;

use crate::rows::Insert;
use csp_core::paging::PageRequest;
use sqlx::any::AnyPoolOptions;
use sqlx::migrate::{Migration, MigrationType, Migrator};
use sqlx::{Any, AnyConnection, AnyPool, Connection, Executor, Transaction};
use std::borrow::Cow;

pub type DbResult<T> = Result<T, sqlx::Error>;

#[derive(Clone)]
pub struct Store {
    pub(crate) pool: AnyPool,
    sqlite: bool,
}

/// One write transaction holding the database's set-up lock: work that must happen once
/// however many instances start together (seeding), or that must not interleave with it (the
/// first accounts), decides what to do from what it reads inside. All or nothing: dropped
/// without [`Tx::commit`], it rolls back. An insert that answers `Duplicate` has ended the
/// transaction on PostgreSQL (the failed statement aborts it): give up and drop it.
pub struct Tx {
    tx: Transaction<'static, Any>,
}

/// The PostgreSQL advisory lock key of [`Tx`] ("csp-setu" in ASCII): a constant of this
/// schema's, distinct from the key sqlx's migrator derives from the database name.
const SETUP_LOCK: i64 = 0x6373_702d_7365_7475;

impl Tx {
    pub(crate) fn conn(&mut self) -> &mut AnyConnection {
        &mut self.tx
    }

    pub async fn commit(self) -> DbResult<()> {
        self.tx.commit().await
    }
}

/// The migrations, in order. All but one are the SQL both engines share; the audit trail's
/// append-only triggers are written in each engine's own.
fn migrator(sqlite: bool) -> Migrator {
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
            Migration::new(
                4,
                Cow::Borrowed("mail"),
                MigrationType::Simple,
                Cow::Borrowed(include_str!("../../migrations/0004_mail.sql")),
                false,
            ),
            Migration::new(
                5,
                Cow::Borrowed("review"),
                MigrationType::Simple,
                Cow::Borrowed(include_str!("../../migrations/0005_review.sql")),
                false,
            ),
            Migration::new(
                6,
                Cow::Borrowed("audit append-only"),
                MigrationType::Simple,
                Cow::Borrowed(if sqlite {
                    include_str!("../../migrations/0006_audit_sqlite.sql")
                } else {
                    include_str!("../../migrations/0006_audit_postgres.sql")
                }),
                false,
            ),
            Migration::new(
                7,
                Cow::Borrowed("assignment"),
                MigrationType::Simple,
                Cow::Borrowed(include_str!("../../migrations/0007_assignment.sql")),
                false,
            ),
            Migration::new(
                8,
                Cow::Borrowed("user invitations"),
                MigrationType::Simple,
                Cow::Borrowed(include_str!("../../migrations/0008_user_invitations.sql")),
                false,
            ),
            Migration::new(
                9,
                Cow::Borrowed("acceptance"),
                MigrationType::Simple,
                Cow::Borrowed(include_str!("../../migrations/0009_acceptance.sql")),
                false,
            ),
            Migration::new(
                10,
                Cow::Borrowed("business profiles and partnership requests"),
                MigrationType::Simple,
                Cow::Borrowed(include_str!("../../migrations/0010_profile.sql")),
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

/// An insert's outcome: a key already there is `Duplicate`, not an error.
pub(crate) fn inserted<T>(r: Result<T, sqlx::Error>) -> DbResult<Insert> {
    match r {
        Ok(_) => Ok(Insert::Done),
        Err(e) if is_unique_violation(&e) => Ok(Insert::Duplicate),
        Err(e) => Err(e),
    }
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
        let pool: AnyPool = AnyPoolOptions::new()
            .max_connections(if sqlite { 4 } else { 10 })
            .acquire_timeout(std::time::Duration::from_secs(10))
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if sqlite {
                        // WAL lets readers run beside the writer; the busy timeout queues writers
                        // (set first, so that switching a new file to WAL waits for another
                        // process doing the same instead of failing).
                        conn.execute("PRAGMA busy_timeout = 5000").await?;
                        conn.execute("PRAGMA journal_mode = WAL").await?;
                        conn.execute("PRAGMA foreign_keys = ON").await?;
                    }
                    Ok(())
                })
            })
            .connect(&url)
            .await?;
        // `run_direct` on a connection is `run` without its `Acquire` bound, which would make
        // this future not `Send` (sqlx's own workaround).
        let mut conn = pool.acquire().await?;
        if sqlite {
            // SQLite's migrator takes no lock: two processes would both see a migration
            // pending and the second would fail re-applying it. One IMMEDIATE transaction
            // around the run holds the write lock from the first read (the migrator's own
            // transactions nest in it as savepoints); the other process waits, then finds
            // nothing pending.
            let mut tx = conn.begin_with("BEGIN IMMEDIATE").await?;
            migrator(sqlite).run_direct(&mut *tx).await?;
            tx.commit().await?;
        } else {
            // sqlx's PostgreSQL migrator holds a session advisory lock (`pg_advisory_lock`,
            // keyed by the database name) on this connection for the whole run.
            migrator(sqlite).run_direct(&mut *conn).await?;
        }
        drop(conn);
        Ok(Store { pool, sqlite })
    }

    /// Starts a [`Tx`]: takes the set-up lock, waiting while another instance holds it.
    pub async fn begin_setup(&self) -> DbResult<Tx> {
        let tx = if self.sqlite {
            // IMMEDIATE takes SQLite's (single-host) write lock now, before anything is read,
            // waiting up to the busy timeout; a deferred transaction would read first and then
            // fail to upgrade.
            self.pool.begin_with("BEGIN IMMEDIATE").await?
        } else {
            let mut tx = self.pool.begin().await?;
            // Released by the commit or the rollback, or when the connection dies with its
            // instance: a crash part-way leaves neither rows nor a held lock.
            sqlx::query("SELECT 1 AS locked FROM pg_advisory_xact_lock($1)")
                .bind(SETUP_LOCK)
                .fetch_one(&mut *tx)
                .await?;
            tx
        };
        Ok(Tx { tx })
    }

    /// A transaction that writes what it decides from what it reads: it holds SQLite's write
    /// lock from the start (a deferred one would read, then fail to upgrade); on PostgreSQL
    /// the rows it reads with [`Store::row_lock`] are locked until it ends.
    pub(crate) async fn write_tx(&self) -> DbResult<Transaction<'static, Any>> {
        if self.sqlite {
            self.pool.begin_with("BEGIN IMMEDIATE").await
        } else {
            self.pool.begin().await
        }
    }

    /// The clause that locks the rows a [`Store::write_tx`] reads (SQLite's lock is the
    /// whole database already).
    pub(crate) fn row_lock(&self) -> &'static str {
        if self.sqlite {
            ""
        } else {
            " FOR UPDATE"
        }
    }

    pub async fn close(&self) {
        self.pool.close().await
    }

    /// Whether the database answers a query now (readiness).
    pub async fn ping(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }
}

/// One page of a list in SQL, in `csp_core::paging`'s order: the sort key (if the list has
/// one), then the ID, compared byte by byte as Rust compares `str` (SQLite's default `BINARY`;
/// PostgreSQL's `"C"` collation, whatever the database's own), and one row more than the limit
/// (`csp_core::paging::finish` reads it as "there is a next page").
pub(crate) struct PageSql<'a> {
    /// The sort key's column, and the ID's.
    pub key: Option<&'a str>,
    pub id: &'a str,
    /// The number of the first `$n` the page's values take.
    pub first: usize,
}

impl PageSql<'_> {
    /// The condition (`AND …`, empty for the first page) and `ORDER BY … LIMIT …`.
    pub fn sql(&self, store: &Store, req: &PageRequest) -> (String, String) {
        let c = if store.sqlite { "" } else { " COLLATE \"C\"" };
        let (id, mut n) = (self.id, self.first);
        let mut after = String::new();
        if req.after.is_some() {
            after = match self.key {
                Some(key) => {
                    n += 2;
                    format!(
                        " AND ({key}{c} > ${a} OR ({key} = ${a} AND {id}{c} > ${b}))",
                        a = n - 2,
                        b = n - 1
                    )
                }
                None => {
                    n += 1;
                    format!(" AND {id}{c} > ${}", n - 1)
                }
            };
        }
        let order = match self.key {
            Some(key) => format!(" ORDER BY {key}{c}, {id}{c} LIMIT ${n}"),
            None => format!(" ORDER BY {id}{c} LIMIT ${n}"),
        };
        (after, order)
    }

    /// Binds what [`PageSql::sql`] names, in its order.
    pub fn bind<'q>(
        &self,
        mut q: sqlx::query::Query<'q, Any, sqlx::any::AnyArguments<'q>>,
        req: &PageRequest,
    ) -> sqlx::query::Query<'q, Any, sqlx::any::AnyArguments<'q>> {
        if let Some(p) = &req.after {
            if self.key.is_some() {
                q = q.bind(p.key.clone());
            }
            q = q.bind(p.id.clone());
        }
        q.bind(req.limit as i64 + 1)
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
