//! A map shared by every worker and filled on first use, for values that never change once made
//! (issuer keys), or that carry what they were made from so that a user can check it (a scheduled
//! survey's questionnaire, with the hash of its source).

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, RwLock};

pub struct Memo<K, V>(Arc<RwLock<HashMap<K, V>>>);

impl<K, V> Clone for Memo<K, V> {
    fn clone(&self) -> Self {
        Self(self.0.clone())
    }
}

impl<K, V> Default for Memo<K, V> {
    fn default() -> Self {
        Self(Arc::default())
    }
}

impl<K: Eq + Hash, V: Clone> Memo<K, V> {
    /// The remembered value; a lock poisoned by a panic elsewhere only costs a miss.
    pub fn get(&self, key: &K) -> Option<V> {
        self.0.read().ok()?.get(key).cloned()
    }

    pub fn put(&self, key: K, value: V) {
        if let Ok(mut map) = self.0.write() {
            map.insert(key, value);
        }
    }
}
