//! Failed-login counting, in memory: per account name and per client address. After too many
//! failures in a window, further tries are refused until the window passes.
//!
//! - **Reserved before the password is checked.** A try counts as a failure the moment it is let
//!   through (before argon2 runs), and is given back only when it succeeds. So a burst of N
//!   simultaneous wrong passwords for one account lets at most the allowance reach argon2, instead of
//!   all N passing a check that only counted the ones already finished.
//! - **Bounded.** Each map holds at most [`CAPACITY`] entries: a new name first drops the entries
//!   whose window has passed, and when the map is still full, the oldest entry. Spraying millions
//!   of account names costs the attacker requests, not the server memory. (Evicting the oldest entry
//!   forgets its count early; spraying more than [`CAPACITY`] names within one window to do so is
//!   what the per-address limit is for.)
//! - **Per address, in memory only.** The client's address (an IPv6 address by its /64, which one
//!   client usually holds whole) is a key of this map and nothing else: it is never stored, logged
//!   or shown.
//!
//! Each server process counts on its own, so with N replicas an attacker gets at most N times the
//! allowance.

use std::collections::{HashMap, VecDeque};
use std::hash::Hash;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How many account names, and how many client addresses, are counted at most at once.
pub const CAPACITY: usize = 10_000;

/// Failures of one key in the window that began at `since`.
#[derive(Debug, Clone, Copy)]
struct Count {
    failures: u32,
    since: Instant,
}

/// A map of counts with at most `capacity` keys. `order` lists (key, since) in the order the
/// windows began, which is also the order they end in: its front is the oldest window.
struct Bounded<K> {
    counts: HashMap<K, Count>,
    order: VecDeque<(K, Instant)>,
    capacity: usize,
}

impl<K: Eq + Hash + Clone> Bounded<K> {
    fn new(capacity: usize) -> Self {
        Self {
            counts: HashMap::new(),
            order: VecDeque::new(),
            capacity: capacity.max(1),
        }
    }

    /// Drops the windows that have passed (and the records of windows that were restarted).
    fn expire(&mut self, now: Instant, window: Duration) {
        while let Some((key, since)) = self.order.front() {
            if now.duration_since(*since) < window {
                break;
            }
            if self.counts.get(key).is_some_and(|c| c.since == *since) {
                self.counts.remove(key);
            }
            self.order.pop_front();
        }
    }

    /// The failures of `key` in its current window, and when that window ends.
    fn current(&self, key: &K, now: Instant, window: Duration) -> Option<(u32, Instant)> {
        let count = self.counts.get(key)?;
        let ends = count.since + window;
        (ends > now).then_some((count.failures, ends))
    }

    /// Counts one more failure of `key`, starting its window if it has none.
    fn add(&mut self, key: &K, now: Instant, window: Duration) {
        if let Some(count) = self.counts.get_mut(key)
            && now.duration_since(count.since) < window
        {
            count.failures += 1;
            return;
        }
        self.counts.remove(key);
        while self.counts.len() >= self.capacity {
            let Some((oldest, since)) = self.order.pop_front() else {
                break;
            };
            if self.counts.get(&oldest).is_some_and(|c| c.since == since) {
                self.counts.remove(&oldest);
            }
        }
        self.counts.insert(
            key.clone(),
            Count {
                failures: 1,
                since: now,
            },
        );
        self.order.push_back((key.clone(), now));
    }

    /// Gives back one reserved failure of `key`.
    fn give_back(&mut self, key: &K) {
        if let Some(count) = self.counts.get_mut(key) {
            count.failures = count.failures.saturating_sub(1);
        }
    }

    fn forget(&mut self, key: &K) {
        self.counts.remove(key);
    }

    fn len(&self) -> usize {
        self.counts.len()
    }
}

struct Counts {
    accounts: Bounded<String>,
    addresses: Bounded<IpAddr>,
}

#[derive(Clone)]
pub struct LoginLimiter {
    counts: Arc<Mutex<Counts>>,
    attempts: u32,
    per_address: u32,
    window: Duration,
}

/// A try let through: it counts as a failure until [`LoginLimiter::succeeded`] gives it back.
#[derive(Debug)]
#[must_use = "a reservation is given back with `succeeded` when the login succeeds"]
pub struct Reservation {
    account: String,
    address: Option<IpAddr>,
}

impl LoginLimiter {
    /// `attempts` failures per account and `per_address` per client address within
    /// `window_minutes`.
    pub fn new(attempts: u32, per_address: u32, window_minutes: i64) -> Self {
        Self::with_capacity(attempts, per_address, window_minutes, CAPACITY)
    }

    pub fn with_capacity(attempts: u32, per_address: u32, window_minutes: i64, capacity: usize) -> Self {
        let minutes = u64::try_from(window_minutes.max(0)).unwrap_or(0);
        Self {
            counts: Arc::new(Mutex::new(Counts {
                accounts: Bounded::new(capacity),
                addresses: Bounded::new(capacity),
            })),
            attempts,
            per_address,
            window: Duration::from_secs(minutes * 60),
        }
    }

    /// Lets one try for `account` from `address` through, counting it as a failure at once; or
    /// refuses it with the minutes to wait when the account or the address has used its allowance.
    pub fn reserve(&self, account: &str, address: Option<IpAddr>) -> Result<Reservation, i64> {
        let address = address.map(client_key);
        let now = Instant::now();
        // A poisoned lock (a panic elsewhere while holding it) is taken over: the counts stay usable.
        let mut counts = self.counts.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let Counts { accounts, addresses } = &mut *counts;
        accounts.expire(now, self.window);
        addresses.expire(now, self.window);
        let account = account.to_owned();
        let mut wait = None;
        if let Some((failures, ends)) = accounts.current(&account, now, self.window)
            && failures >= self.attempts
        {
            wait = Some(ends);
        }
        if let Some(address) = &address
            && let Some((failures, ends)) = addresses.current(address, now, self.window)
            && failures >= self.per_address
        {
            wait = Some(wait.map_or(ends, |w: Instant| w.max(ends)));
        }
        if let Some(ends) = wait {
            let seconds = ends.saturating_duration_since(now).as_secs();
            return Err(i64::try_from(seconds / 60).unwrap_or(i64::MAX - 1) + 1);
        }
        accounts.add(&account, now, self.window);
        if let Some(address) = &address {
            addresses.add(address, now, self.window);
        }
        Ok(Reservation { account, address })
    }

    /// The try succeeded: the account starts afresh, and the address gets its try back.
    pub fn succeeded(&self, reservation: Reservation) {
        let mut counts = self.counts.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        counts.accounts.forget(&reservation.account);
        if let Some(address) = &reservation.address {
            counts.addresses.give_back(address);
        }
    }

    /// How many account names and client addresses are counted now (for tests and metrics).
    pub fn tracked(&self) -> (usize, usize) {
        let counts = self.counts.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        (counts.accounts.len(), counts.addresses.len())
    }
}

/// The key of a client address: an IPv4 address as it is, an IPv6 address by its /64 prefix (an
/// IPv4-mapped one as IPv4).
fn client_key(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V4(_) => address,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let s = v6.segments();
                IpAddr::V6(std::net::Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
            }
        },
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn a_spray_of_account_names_keeps_memory_bounded() {
        let limiter = LoginLimiter::with_capacity(5, u32::MAX, 15, 1000);
        for i in 0..50_000 {
            let _kept = limiter.reserve(&format!("user{i}@example.com"), None).unwrap();
        }
        assert_eq!(limiter.tracked(), (1000, 0));
        // The newest names are still counted.
        for _ in 0..4 {
            let _kept = limiter.reserve("user49999@example.com", None).unwrap();
        }
        assert!(limiter.reserve("user49999@example.com", None).is_err());
    }

    #[test]
    fn the_allowance_is_taken_before_the_password_is_checked_and_a_success_gives_it_back() {
        let limiter = LoginLimiter::new(3, 100, 15);
        let taken: Vec<Reservation> = (0..3).map(|_| limiter.reserve("ana", None).unwrap()).collect();
        assert_eq!(limiter.reserve("ana", None).unwrap_err(), 15);
        drop(taken);
        let other = limiter.reserve("bob", None).unwrap();
        limiter.succeeded(other);
        assert_eq!(limiter.tracked().0, 1, "bob starts afresh");
    }

    #[test]
    fn an_address_is_limited_across_accounts_and_an_ipv6_client_by_its_64() {
        let limiter = LoginLimiter::new(100, 2, 15);
        let a: IpAddr = "2001:db8:1:2::10".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:ffff::1".parse().unwrap();
        let _one = limiter.reserve("x", Some(a)).unwrap();
        let _two = limiter.reserve("y", Some(b)).unwrap();
        assert!(limiter.reserve("z", Some(a)).is_err());
        let _other = limiter.reserve("z", Some("2001:db8:1:3::1".parse().unwrap())).unwrap();
    }

    #[test]
    fn an_expired_window_is_dropped() {
        let limiter = LoginLimiter::with_capacity(1, 1, 0, 10);
        for i in 0..100 {
            let _kept = limiter
                .reserve(&format!("u{i}"), Some("10.0.0.1".parse().unwrap()))
                .unwrap();
        }
        assert!(limiter.tracked().0 <= 1);
    }
}
