//! Deploying: instances starting together on one empty database migrate and seed it once,
//! and the command line (`csp-server`'s subcommands and flags) refuses what it does not know
//! and makes the first accounts with one-time passwords.

mod common;
use csp_core::access::identity_key;
use csp_server::state::AppState;
use csp_server::storage::Store;

/// One instance's start-up: open (migrate) and seed, as `startup::run_on` does with
/// `--demo-data`.
async fn start_up(url: String) -> bool {
    let store = Store::open(&url).await.expect("opened and migrated");
    let state = AppState::new(store, common::test_config(&url), 8090);
    let seeded = csp_server::seed::seed_if_empty(&state)
        .await
        .expect("seeding succeeds or finds it done");
    state.store.close().await;
    seeded
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn instances_starting_together_migrate_and_seed_once() {
    let dir = tempfile::tempdir().unwrap();
    let url = common::test_db_url(&dir).await;
    let runs: Vec<_> = (0..4)
        .map(|_| tokio::spawn(start_up(url.clone())))
        .collect();
    let mut seeded = 0;
    for r in runs {
        seeded += r.await.unwrap() as usize;
    }
    assert_eq!(seeded, 1, "exactly one instance seeds");
    let store = Store::open(&url).await.unwrap();
    let partners = csp_demo_data::demo_partners().partners.len() as i64;
    assert_eq!(
        store.partner_count().await.unwrap(),
        partners + 1,
        "the demo partners and the operator's organization, once"
    );
    assert!(store
        .user_by_key(&identity_key(csp_server::seed::DEMO_OPERATOR))
        .await
        .unwrap()
        .is_some());
    assert!(
        !start_up(url.clone()).await,
        "a later start finds it seeded"
    );
}
