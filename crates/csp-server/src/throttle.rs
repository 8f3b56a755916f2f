//! Sign-in throttling: failed attempts counted per account and per client address in a fixed
//! window; past the limit the answer is 429 with `Retry-After` until the window ends. In memory
//! (one process): a restart forgets the counts, which only gives an attacker one more window.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Entries kept at most; expired ones are dropped first, so memory stays bounded under a flood.
const MAX_ENTRIES: usize = 100_000;

pub struct Throttle {
    counts: Mutex<HashMap<String, (u32, Instant)>>,
    per_account: u32,
    per_client: u32,
    window: Duration,
}

impl Throttle {
    pub fn new(per_account: u32, per_client: u32, window: Duration) -> Self {
        Throttle {
            counts: Mutex::new(HashMap::new()),
            per_account,
            per_client,
            window,
        }
    }

    fn keys(account: &str, client: &str) -> [(String, bool); 2] {
        [
            (format!("a:{account}"), true),
            (format!("c:{client}"), false),
        ]
    }

    /// `Err(seconds)` when this account or this client is over its limit.
    pub fn check(&self, account: &str, client: &str) -> Result<(), u64> {
        let now = Instant::now();
        let map = self.counts.lock().unwrap_or_else(|p| p.into_inner());
        for (k, is_account) in Self::keys(account, client) {
            if let Some((n, since)) = map.get(&k) {
                let limit = if is_account {
                    self.per_account
                } else {
                    self.per_client
                };
                let elapsed = now.duration_since(*since);
                if *n >= limit && elapsed < self.window {
                    return Err((self.window - elapsed).as_secs() + 1);
                }
            }
        }
        Ok(())
    }

    pub fn failure(&self, account: &str, client: &str) {
        let now = Instant::now();
        let mut map = self.counts.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() >= MAX_ENTRIES {
            let w = self.window;
            map.retain(|_, (_, since)| now.duration_since(*since) < w);
            if map.len() >= MAX_ENTRIES {
                map.clear();
            }
        }
        for (k, _) in Self::keys(account, client) {
            let e = map.entry(k).or_insert((0, now));
            if now.duration_since(e.1) >= self.window {
                *e = (0, now);
            }
            e.0 += 1;
        }
    }

    /// A successful sign-in clears the account's count (not the client's).
    pub fn success(&self, account: &str) {
        let mut map = self.counts.lock().unwrap_or_else(|p| p.into_inner());
        map.remove(&format!("a:{account}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_account_and_per_client_limits() {
        let t = Throttle::new(3, 5, Duration::from_secs(60));
        for _ in 0..3 {
            assert!(t.check("alice", "10.0.0.1").is_ok());
            t.failure("alice", "10.0.0.1");
        }
        let wait = t.check("alice", "10.0.0.2").unwrap_err();
        assert!((1..=61).contains(&wait), "{wait}");
        assert!(t.check("bob", "10.0.0.2").is_ok());
        t.failure("bob", "10.0.0.1");
        t.failure("carol", "10.0.0.1");
        assert!(
            t.check("dave", "10.0.0.1").is_err(),
            "client over its limit"
        );
        assert!(t.check("dave", "10.0.0.3").is_ok());
        t.success("bob");
        assert!(t.check("bob", "10.0.0.9").is_ok());
    }

    #[test]
    fn window_expires() {
        let t = Throttle::new(1, 100, Duration::from_millis(50));
        t.failure("a", "c");
        assert!(t.check("a", "c").is_err());
        std::thread::sleep(Duration::from_millis(60));
        assert!(t.check("a", "c").is_ok());
    }
}
