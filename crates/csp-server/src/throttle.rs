//! Throttling of password checks and other costly public actions, counted in the database so
//! that every instance of the server sees the same counts and a restart forgets none.
//!
//! An attempt is *reserved* before the password hash is computed: one atomic upsert adds it
//! to the account's and the client's counts for the current fixed window and returns them, and
//! past a limit the answer is 429 with `Retry-After` (seconds to the window's end) and no hash
//! is computed. So forty wrong passwords sent at once get exactly the limit's worth of checks,
//! on one instance or many. A failure keeps its reservation; a success clears the account's
//! count and gives the client's back (a success is not a failure); a refused attempt gives its
//! reservations back, so the counts are the attempts actually checked.
//!
//! Clients are addresses as [`forwarded_client`] names them (`--trusted-proxies`), IPv6 ones
//! grouped by /64 ([`client_key`]): one host usually holds a whole /64.

use crate::error::{ApiErr, ApiResult};
use crate::storage::{DbResult, Store};
use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::time::Duration;

pub struct Throttle {
    /// Starts every key, so throttles with other limits or windows never share a count.
    name: &'static str,
    per_account: u32,
    per_client: u32,
    window_secs: i64,
}

/// Attempts reserved for one request; dropping it keeps them (a failure, or a request that
/// ended before its outcome was known, counts against the limits).
#[must_use = "a reservation is given back or cleared on success"]
#[derive(Debug)]
pub struct Attempt {
    account: Option<String>,
    client: String,
    window_start: i64,
}

impl Throttle {
    pub fn new(name: &'static str, per_account: u32, per_client: u32, window: Duration) -> Self {
        Throttle {
            name,
            per_account,
            per_client,
            window_secs: window.as_secs().clamp(1, i64::MAX as u64) as i64,
        }
    }

    pub fn window(&self) -> Duration {
        Duration::from_secs(self.window_secs as u64)
    }

    fn window_start(&self, now: i64) -> i64 {
        now - now.rem_euclid(self.window_secs)
    }

    /// Reserves an attempt for `account` (when there is one) and `client` at time `now`
    /// (seconds), or refuses with 429 until the window ends.
    pub async fn reserve(
        &self,
        store: &Store,
        account: Option<&str>,
        client: &str,
        now: i64,
    ) -> ApiResult<Attempt> {
        let start = self.window_start(now);
        let account = account.map(|a| format!("{}/a/{a}", self.name));
        let client = format!("{}/c/{client}", self.name);
        // The account first, always: see `Store::reserve_attempts` on lock order.
        let keys: Vec<String> = account.iter().chain([&client]).cloned().collect();
        let limit = |k: &str| {
            i64::from(if Some(k) == account.as_deref() {
                self.per_account
            } else {
                self.per_client
            })
        };
        let too_many = || ApiErr::too_many((start + self.window_secs - now).max(1) as u64);
        // A read first: a flood at a locked account or from a locked client is refused
        // without a write (SQLite has one writer).
        let seen = store.attempts(&keys, start).await?;
        if seen.iter().any(|(k, n)| *n >= limit(k)) {
            return Err(too_many());
        }
        let counts = store.reserve_attempts(&keys, start).await?;
        if counts.iter().any(|(k, n)| *n > limit(k)) {
            store.give_back_attempts(&keys, start).await?;
            return Err(too_many());
        }
        Ok(Attempt {
            account,
            client,
            window_start: start,
        })
    }

    /// The attempt worked: the account's failures are forgotten (every window), and the
    /// client's reservation is given back.
    pub async fn succeeded(&self, store: &Store, a: Attempt) -> DbResult<()> {
        if let Some(account) = &a.account {
            store.clear_attempts(account).await?;
        }
        store
            .give_back_attempts(std::slice::from_ref(&a.client), a.window_start)
            .await
    }

    /// The attempt did not happen after all (e.g. a form refused after the reservation).
    pub async fn give_back(&self, store: &Store, a: Attempt) -> DbResult<()> {
        let keys: Vec<String> = a.account.into_iter().chain([a.client]).collect();
        store.give_back_attempts(&keys, a.window_start).await
    }
}

/// A network in CIDR notation (`10.0.0.0/8`, `2001:db8::/32`), or one address (`192.0.2.7`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    addr: IpAddr,
    prefix: u8,
}

impl std::str::FromStr for Cidr {
    type Err = String;
    fn from_str(s: &str) -> Result<Cidr, String> {
        let bad = || format!("not an address or CIDR network: {s}");
        let (a, p) = match s.trim().split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (s.trim(), None),
        };
        let addr: IpAddr = a.parse().map_err(|_| bad())?;
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = match p {
            None => max,
            Some(p) => p.parse::<u8>().ok().filter(|p| *p <= max).ok_or_else(bad)?,
        };
        Ok(Cidr { addr, prefix })
    }
}

fn mask(bits: u8, width: u8) -> u128 {
    // The top `bits` of a `width`-bit number.
    let all = if width == 128 {
        u128::MAX
    } else {
        (1u128 << width) - 1
    };
    all & !(all.checked_shr(u32::from(bits)).unwrap_or(0))
}

impl Cidr {
    /// IPv4-mapped IPv6 addresses (`::ffff:192.0.2.7`, what a dual-stack socket reports for an
    /// IPv4 peer) are matched as the IPv4 address they are.
    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.addr, ip.to_canonical()) {
            (IpAddr::V4(n), IpAddr::V4(a)) => {
                let m = mask(self.prefix, 32);
                u128::from(u32::from(n)) & m == u128::from(u32::from(a)) & m
            }
            (IpAddr::V6(n), IpAddr::V6(a)) => {
                let m = mask(self.prefix, 128);
                u128::from(n) & m == u128::from(a) & m
            }
            _ => false,
        }
    }
}

/// One X-Forwarded-For entry: an address, possibly with a port (`192.0.2.7:4711`,
/// `[2001:db8::1]:443`) or in brackets.
fn hop(s: &str) -> Option<IpAddr> {
    s.parse::<IpAddr>()
        .ok()
        .or_else(|| s.parse::<SocketAddr>().ok().map(|a| a.ip()))
        .or_else(|| s.strip_prefix('[')?.strip_suffix(']')?.parse().ok())
}

/// The client's address: the TCP peer, unless the peer is a trusted proxy; then the right-most
/// address in `X-Forwarded-For` (all its headers, in order) that is not a trusted proxy. Only
/// the entries our own proxies appended can be believed: anything to the left of the first
/// untrusted one was written by the client. An entry that is not an address stops the walk
/// at the last proxy before it; when every entry is a trusted proxy, the left-most is taken.
pub fn forwarded_client<'a>(
    peer: IpAddr,
    forwarded_for: impl IntoIterator<Item = &'a str>,
    trusted: &[Cidr],
) -> IpAddr {
    let is_trusted = |ip: IpAddr| trusted.iter().any(|c| c.contains(ip));
    let mut client = peer.to_canonical();
    if !is_trusted(client) {
        return client;
    }
    let hops: Vec<&str> = forwarded_for
        .into_iter()
        .flat_map(|h| h.split(','))
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .collect();
    for h in hops.into_iter().rev() {
        let Some(ip) = hop(h) else { break };
        client = ip.to_canonical();
        if !is_trusted(client) {
            break;
        }
    }
    client
}

/// What a client is counted as: an IPv4 address, or an IPv6 address's /64 (a host is usually
/// given a whole /64, and could otherwise step through its addresses to escape the limit).
pub fn client_key(ip: IpAddr) -> String {
    match ip.to_canonical() {
        IpAddr::V4(a) => a.to_string(),
        IpAddr::V6(a) => {
            let net = Ipv6Addr::from(u128::from(a) & mask(64, 128));
            format!("{net}/64")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn cidrs(s: &[&str]) -> Vec<Cidr> {
        s.iter().map(|c| c.parse().unwrap()).collect()
    }

    #[test]
    fn cidr_parsing_and_matching() {
        let c: Cidr = "10.0.0.0/8".parse().unwrap();
        assert!(c.contains(ip("10.200.3.4")));
        assert!(c.contains(ip("::ffff:10.1.2.3")), "IPv4-mapped");
        assert!(!c.contains(ip("11.0.0.1")));
        assert!(!c.contains(ip("::1")));
        let one: Cidr = "192.0.2.7".parse().unwrap();
        assert!(one.contains(ip("192.0.2.7")) && !one.contains(ip("192.0.2.8")));
        let v6: Cidr = "2001:db8::/32".parse().unwrap();
        assert!(v6.contains(ip("2001:db8:ffff::1")) && !v6.contains(ip("2001:db9::1")));
        assert!("0.0.0.0/0".parse::<Cidr>().unwrap().contains(ip("8.8.8.8")));
        assert!("::/0".parse::<Cidr>().unwrap().contains(ip("2a00::1")));
        assert!("::1/128".parse::<Cidr>().unwrap().contains(ip("::1")));
        for bad in [
            "10.0.0.0/33",
            "::/129",
            "10.0.0/8",
            "proxy",
            "10.0.0.0/",
            "10.0.0.0/x",
        ] {
            assert!(bad.parse::<Cidr>().is_err(), "{bad}");
        }
    }

    #[test]
    fn forwarded_for_is_believed_only_from_trusted_proxies() {
        let trusted = cidrs(&["10.0.0.0/8", "2001:db8:ff::/48"]);
        let xff = |peer: &str, h: &[&str]| forwarded_client(ip(peer), h.iter().copied(), &trusted);
        assert_eq!(
            xff("203.0.113.9", &["198.51.100.1"]),
            ip("203.0.113.9"),
            "untrusted peer"
        );
        assert_eq!(xff("10.0.0.2", &["198.51.100.1"]), ip("198.51.100.1"));
        assert_eq!(
            xff("10.0.0.2", &["1.1.1.1, 198.51.100.1, 10.0.0.5"]),
            ip("198.51.100.1"),
            "the right-most untrusted, not a spoofed left-most"
        );
        assert_eq!(
            xff("10.0.0.2", &["1.1.1.1", "198.51.100.1:5000, 10.0.0.5"]),
            ip("198.51.100.1"),
            "several headers, a port"
        );
        assert_eq!(xff("10.0.0.2", &[]), ip("10.0.0.2"), "no header: the proxy");
        assert_eq!(xff("10.0.0.2", &["garbage, 10.0.0.7"]), ip("10.0.0.7"));
        assert_eq!(xff("10.0.0.2", &["10.0.0.9, 10.0.0.7"]), ip("10.0.0.9"));
        assert_eq!(
            xff("::ffff:10.0.0.2", &["[2001:db8::1]:443"]),
            ip("2001:db8::1")
        );
        assert_eq!(xff("2001:db8:ff::3", &["2001:db8::1"]), ip("2001:db8::1"));
        let none = forwarded_client(ip("10.0.0.2"), ["198.51.100.1"], &[]);
        assert_eq!(none, ip("10.0.0.2"), "no trusted proxies: never believed");
    }

    #[test]
    fn ipv6_clients_are_grouped_by_64() {
        assert_eq!(client_key(ip("192.0.2.7")), "192.0.2.7");
        assert_eq!(client_key(ip("::ffff:192.0.2.7")), "192.0.2.7");
        assert_eq!(
            client_key(ip("2001:db8:1:2:aaaa::1")),
            client_key(ip("2001:db8:1:2:bbbb::2"))
        );
        assert_eq!(client_key(ip("2001:db8:1:2::1")), "2001:db8:1:2::/64");
        assert_ne!(
            client_key(ip("2001:db8:1:2::1")),
            client_key(ip("2001:db8:1:3::1"))
        );
    }
}
