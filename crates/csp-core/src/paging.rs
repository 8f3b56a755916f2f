//! How every list of the contract is paged, decided once for both backends: the query
//! (`limit`, `cursor`), its bounds, the order and the opaque cursor.
//!
//! Keyset paging: a list is ordered by a sort key (a name) and then the row's ID, both compared
//! byte by byte (Rust's `str` order; SQLite's `BINARY`, PostgreSQL's `COLLATE "C"`), and a
//! cursor is the position of the last row served. The next page is the rows after it, so rows
//! added or removed meanwhile never make a page skip or repeat one that stays.

use crate::api::{ApiError, User};
use crate::customers::Customer;
use crate::partners::PartnerSummary;
use crate::relationship::RelationshipRequest;
use serde::{Deserialize, Serialize};

/// The most rows a partner's list may hold (its users, its customers, its relationship
/// requests, the partners it has authorized or been authorized by): an insert that would go
/// past it is refused, so every list stays a bounded number of pages, and the Customers page,
/// which searches all of a partner's customers in the browser, stays responsive.
pub const MAX_ROWS_PER_PARTNER: usize = 10_000;

/// Room for one more row in a list that holds `rows`: 409 `list-full` without.
pub fn check_room(rows: usize) -> Result<(), ApiError> {
    if rows < MAX_ROWS_PER_PARTNER {
        Ok(())
    } else {
        Err(ApiError::new(409, "list-full"))
    }
}

/// Rows per page when the query gives no `limit`.
pub const DEFAULT_LIMIT: usize = 50;
/// The most rows a page may ask for: a larger `limit` is refused (400 `bad-limit`), not
/// clamped, so a client never takes a short page for the end of the list.
pub const MAX_LIMIT: usize = 200;
/// The longest cursor accepted: a sort key and an ID within their `maxLength`s, hex-encoded.
pub const MAX_CURSOR: usize = 1024;

/// One page of a list: `next_cursor` asks for the rows after it; none when this is the last.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

impl<T> Default for Page<T> {
    fn default() -> Self {
        Page {
            items: vec![],
            next_cursor: None,
        }
    }
}

/// Where a row sits in its list's order: its sort key, then its ID.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub key: String,
    pub id: String,
}

impl Position {
    pub fn new(key: &str, id: &str) -> Self {
        Position {
            key: key.into(),
            id: id.into(),
        }
    }
}

/// The order of a list's rows: each list's sort key, stated once for both backends (the server
/// orders its SQL by the same columns).
pub trait Ordered {
    fn position(&self) -> Position;
}

/// Users by name.
impl Ordered for User {
    fn position(&self) -> Position {
        Position::new(&self.name, &self.id)
    }
}

/// Indirect providers and resellers by name.
impl Ordered for PartnerSummary {
    fn position(&self) -> Position {
        Position::new(&self.name, &self.id)
    }
}

/// Customers by company name.
impl Ordered for Customer {
    fn position(&self) -> Position {
        Position::new(&self.company_name, &self.id)
    }
}

/// Relationship requests by ID alone: a request without admin access has no name, and the
/// server keeps each request whole (JSON) beside its ID.
impl Ordered for RelationshipRequest {
    fn position(&self) -> Position {
        Position::new("", &self.id)
    }
}

/// The review queue oldest first: by when each was submitted (zero-padded, so text order is
/// time order).
impl Ordered for crate::api::ReviewItem {
    fn position(&self) -> Position {
        Position::new(&format!("{:020}", self.submitted_at.max(0)), &self.id)
    }
}

/// A page asked for: at most `limit` rows after `after` (from the start without one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRequest {
    pub limit: usize,
    pub after: Option<Position>,
}

impl Default for PageRequest {
    fn default() -> Self {
        PageRequest {
            limit: DEFAULT_LIMIT,
            after: None,
        }
    }
}

/// Why a page's query is refused (400).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PagingError {
    /// `limit` is not a whole number from 1 to [`MAX_LIMIT`].
    Limit,
    /// `cursor` is not one this API handed out.
    Cursor,
}

impl From<PagingError> for ApiError {
    fn from(e: PagingError) -> Self {
        ApiError::new(
            400,
            match e {
                PagingError::Limit => "bad-limit",
                PagingError::Cursor => "bad-cursor",
            },
        )
    }
}

/// The separator of a cursor's key and ID: a control character no name or ID holds.
const SEP: char = '\u{1F}';

/// The opaque cursor of a position: its key and ID, hex-encoded, so it is one URL-safe token
/// the client passes back as it got it.
pub fn encode_cursor(p: &Position) -> String {
    let raw = format!("{}{SEP}{}", p.key, p.id);
    raw.bytes().map(|b| format!("{b:02x}")).collect()
}

/// The position a cursor names. Any even run of lower-case hex digits within [`MAX_CURSOR`] is a
/// position (a cursor only says where to start, so one that was never handed out shows no
/// more than a first page does); anything else is refused.
pub fn decode_cursor(s: &str) -> Result<Position, PagingError> {
    if s.is_empty() || s.len() > MAX_CURSOR || s.len() % 2 != 0 {
        return Err(PagingError::Cursor);
    }
    let bytes = (0..s.len())
        .step_by(2)
        .map(|i| {
            s.get(i..i + 2)
                .filter(|h| h.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or(PagingError::Cursor)
        })
        .collect::<Result<Vec<u8>, _>>()?;
    let raw = String::from_utf8_lossy(&bytes);
    let (key, id) = raw.split_once(SEP).unwrap_or((&raw, ""));
    Ok(Position::new(key, id))
}

/// Reads `limit` and `cursor` from a URL query (`limit=20&cursor=…`, without the `?`); other
/// parameters are left to the caller. Given twice, a parameter is refused.
pub fn parse_query(query: &str) -> Result<PageRequest, PagingError> {
    let mut req = PageRequest::default();
    let (mut limit, mut cursor) = (None, None);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        match name {
            "limit" if limit.is_none() => limit = Some(value),
            "limit" => return Err(PagingError::Limit),
            "cursor" if cursor.is_none() => cursor = Some(value),
            "cursor" => return Err(PagingError::Cursor),
            _ => {}
        }
    }
    if let Some(l) = limit {
        // Digits only: `parse` would take a sign (`+5`) too.
        req.limit = Some(l)
            .filter(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|l| l.parse::<usize>().ok())
            .filter(|n| (1..=MAX_LIMIT).contains(n))
            .ok_or(PagingError::Limit)?;
    }
    if let Some(c) = cursor {
        req.after = Some(decode_cursor(c)?);
    }
    Ok(req)
}

/// The query of a page: `limit` and the cursor to continue from.
pub fn query(limit: usize, cursor: Option<&str>) -> String {
    match cursor {
        Some(c) => format!("limit={limit}&cursor={c}"),
        None => format!("limit={limit}"),
    }
}

/// The page from rows already in order and after the cursor, fetched with one more than the
/// limit (a database's `LIMIT n + 1`): the extra row only says there is a next page.
pub fn finish<T>(mut rows: Vec<T>, limit: usize, pos: impl Fn(&T) -> Position) -> Page<T> {
    let next_cursor = if rows.len() > limit {
        rows.truncate(limit);
        rows.last().map(|r| encode_cursor(&pos(r)))
    } else {
        None
    };
    Page {
        items: rows,
        next_cursor,
    }
}

/// One page of a whole list held in memory (the in-browser backend): the list's order, the
/// rows after the cursor, at most the limit.
pub fn page_of<T>(rows: Vec<T>, req: &PageRequest, pos: impl Fn(&T) -> Position) -> Page<T> {
    let mut keyed: Vec<(Position, T)> = rows
        .into_iter()
        .map(|r| (pos(&r), r))
        .filter(|(p, _)| req.after.as_ref().is_none_or(|a| p > a))
        .collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    keyed.truncate(req.limit + 1);
    finish(keyed.into_iter().map(|(_, r)| r).collect(), req.limit, pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(n: usize) -> Vec<(String, String)> {
        // Names repeat, so the ID decides their order; Cyrillic and Chinese sort after Latin.
        (0..n)
            .map(|i| {
                let name = ["Борис", "Alice", "李伟", "alice", "Alice"][i % 5];
                (name.to_owned(), format!("id-{:03}", (i * 37) % 1000))
            })
            .collect()
    }

    fn pos(r: &(String, String)) -> Position {
        Position::new(&r.0, &r.1)
    }

    #[test]
    fn cursors_round_trip_and_forged_ones_are_refused() {
        for p in [
            Position::new("Contoso Ltd", "u1"),
            Position::new("ООО «Ромашка»", "7f3a-00"),
            Position::new("", ""),
        ] {
            let c = encode_cursor(&p);
            assert!(c.bytes().all(|b| b.is_ascii_hexdigit()));
            assert_eq!(decode_cursor(&c), Ok(p));
        }
        for forged in [
            "",
            "abc",
            "zz",
            "forged!",
            "%00",
            &"a".repeat(MAX_CURSOR + 2),
        ] {
            assert_eq!(decode_cursor(forged), Err(PagingError::Cursor), "{forged}");
        }
        // Hex that was never handed out is still only a position.
        assert!(decode_cursor("ffff").is_ok());
    }

    #[test]
    fn a_full_list_takes_no_more_rows() {
        assert_eq!(check_room(0), Ok(()));
        assert_eq!(check_room(MAX_ROWS_PER_PARTNER - 1), Ok(()));
        let full = check_room(MAX_ROWS_PER_PARTNER).unwrap_err();
        assert_eq!((full.status, full.error.as_str()), (409, "list-full"));
    }

    #[test]
    fn the_query_is_bounded() {
        assert_eq!(parse_query(""), Ok(PageRequest::default()));
        assert_eq!(parse_query("q=x").unwrap().limit, DEFAULT_LIMIT);
        assert_eq!(parse_query("limit=1").unwrap().limit, 1);
        assert_eq!(parse_query("limit=200").unwrap().limit, MAX_LIMIT);
        for bad in [
            "limit=0",
            "limit=201",
            "limit=-1",
            "limit=",
            "limit=x",
            "limit=1&limit=2",
        ] {
            assert_eq!(parse_query(bad), Err(PagingError::Limit), "{bad}");
        }
        assert_eq!(parse_query("cursor=nope"), Err(PagingError::Cursor));
        let c = encode_cursor(&Position::new("b", "2"));
        let r = parse_query(&query(10, Some(&c))).unwrap();
        assert_eq!((r.limit, r.after), (10, Some(Position::new("b", "2"))));
        assert_eq!(ApiError::from(PagingError::Limit).status, 400);
    }

    #[test]
    fn paging_through_a_list_serves_every_row_once_in_order() {
        let all = names(103);
        let mut sorted = all.clone();
        sorted.sort_by_key(pos);
        for limit in [1, 7, 50, 103, 200] {
            let mut seen = vec![];
            let mut req = PageRequest { limit, after: None };
            loop {
                let page = page_of(all.clone(), &req, pos);
                assert!(page.items.len() <= limit);
                seen.extend(page.items);
                match page.next_cursor {
                    Some(c) => req.after = Some(decode_cursor(&c).unwrap()),
                    None => break,
                }
            }
            assert_eq!(seen, sorted, "limit {limit}");
        }
    }

    #[test]
    fn rows_added_or_removed_meanwhile_never_skip_or_repeat_the_others() {
        let mut all = names(20);
        let first = page_of(
            all.clone(),
            &PageRequest {
                limit: 5,
                after: None,
            },
            pos,
        );
        let after = decode_cursor(first.next_cursor.as_deref().unwrap()).unwrap();
        // A row sorting before the cursor, and the last row served, come and go.
        all.push(("Aaron".into(), "id-new".into()));
        all.retain(|r| pos(r) != after);
        let rest = page_of(
            all.clone(),
            &PageRequest {
                limit: 200,
                after: Some(after.clone()),
            },
            pos,
        );
        let mut want: Vec<_> = all.into_iter().filter(|r| pos(r) > after).collect();
        want.sort_by_key(pos);
        assert_eq!(rest.items, want);
        assert_eq!(rest.next_cursor, None);
    }
}
