//! Deterministic identities: UIDs, generated-name suffixes, IPs and hashes all come from one
//! seeded generator, so a scripted run prints the same bytes every time.

use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The alphabet apimachinery's `rand.String` and `SafeEncodeString` use (no vowels, no
/// look-alikes), so generated names look like real ones (`nginx-7c5ddbdf54-x8w2k`).
pub const SAFE_ALPHABET: &[u8] = b"bcdfghjklmnpqrstvwxz2456789";

#[derive(Clone, Debug)]
pub struct Ids {
    rng: ChaCha8Rng,
}

impl Ids {
    pub fn new(seed: u64) -> Self {
        Ids {
            rng: ChaCha8Rng::seed_from_u64(seed),
        }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.rng.next_u64()
    }

    /// Below `n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// A random (version 4) UUID, as the apiserver assigns to `metadata.uid`.
    pub fn uid(&mut self) -> String {
        // Two 64-bit draws are the same 16 bytes `fill_bytes` would give (the generator
        // hands out its 32-bit words in order, low word first, either way), for less work.
        let mut b = [0u8; 16];
        b[..8].copy_from_slice(&self.rng.next_u64().to_le_bytes());
        b[8..].copy_from_slice(&self.rng.next_u64().to_le_bytes());
        b[6] = (b[6] & 0x0f) | 0x40;
        b[8] = (b[8] & 0x3f) | 0x80;
        // 8-4-4-4-12 hex digits, written into place: pushing them one at a time checked
        // the string's capacity 36 times.
        const HEX: &[u8; 16] = b"0123456789abcdef";
        /// Where each byte's two digits go.
        const AT: [usize; 16] = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];
        let mut text = *b"00000000-0000-0000-0000-000000000000";
        for (x, at) in b.iter().zip(AT) {
            text[at] = HEX[(x >> 4) as usize];
            text[at + 1] = HEX[(x & 15) as usize];
        }
        std::str::from_utf8(&text).expect("ascii").to_owned()
    }

    /// `n` characters from the safe alphabet (generateName suffixes).
    pub fn suffix(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| SAFE_ALPHABET[self.below(SAFE_ALPHABET.len() as u64) as usize] as char)
            .collect()
    }

    /// `n` lowercase hex digits (event name suffixes, container IDs).
    pub fn hex(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from_digit(self.below(16) as u32, 16).unwrap_or('0'))
            .collect()
    }
}

/// FNV-1a, 32 bit: the hash the controllers use for pod-template hashes.
pub fn fnv32a(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811c9dc5;
    for b in bytes {
        h ^= *b as u32;
        h = h.wrapping_mul(0x01000193);
    }
    h
}

/// FNV-1, 32 bit (Go's `fnv.New32`): what `history.HashControllerRevision` hashes with.
pub fn fnv32(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811c9dc5;
    for b in bytes {
        h = h.wrapping_mul(0x01000193);
        h ^= *b as u32;
    }
    h
}

/// apimachinery's `rand.SafeEncodeString` over the decimal form of a hash, as
/// `controller.ComputeHash` returns it (`6bc7f5d4b8`).
pub fn safe_encode_hash(hash: u32) -> String {
    hash.to_string()
        .bytes()
        .map(|b| SAFE_ALPHABET[(b as usize) % SAFE_ALPHABET.len()] as char)
        .collect()
}

/// The template hash of any JSON-serializable value.
pub fn template_hash(value: &serde_json::Value) -> String {
    safe_encode_hash(fnv32a(value.to_string().as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_ids() {
        let mut a = Ids::new(7);
        let mut b = Ids::new(7);
        assert_eq!(a.uid(), b.uid());
        assert_eq!(a.suffix(5), b.suffix(5));
        let uid = Ids::new(1).uid();
        assert_eq!(uid.len(), 36);
        assert_eq!(&uid[14..15], "4");
    }

    #[test]
    fn uids_are_rfc4122_text_of_the_drawn_bytes() {
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        assert_eq!(Ids::new(3).uid(), reference_uid(&mut rng));
    }

    /// A uid as RFC 4122 text of 16 bytes drawn with `fill_bytes` (version 4, variant 1).
    fn reference_uid(rng: &mut ChaCha8Rng) -> String {
        let mut b = [0u8; 16];
        rng.fill_bytes(&mut b);
        b[6] = (b[6] & 0x0f) | 0x40;
        b[8] = (b[8] & 0x3f) | 0x80;
        let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
        format!(
            "{}-{}-{}-{}-{}",
            &h[0..8],
            &h[8..12],
            &h[12..16],
            &h[16..20],
            &h[20..32]
        )
    }

    #[test]
    fn uids_match_fill_bytes_across_block_boundaries() {
        // The generator refills every 64 words; odd numbers of other draws in between
        // move the uid's words across those refills.
        let mut ids = Ids::new(11);
        let mut rng = ChaCha8Rng::seed_from_u64(11);
        for i in 0..500u64 {
            for _ in 0..(i % 3) {
                assert_eq!(ids.next_u64(), rng.next_u64());
            }
            let _ = rng.next_u32();
            let _ = ids.rng.next_u32();
            assert_eq!(ids.uid(), reference_uid(&mut rng));
        }
    }

    #[test]
    fn safe_encoding_maps_digits_like_upstream() {
        // digits 0..9 map to 4 5 6 7 8 9 b c d f
        assert_eq!(safe_encode_hash(123_456_789), "56789bcdf");
        assert_eq!(safe_encode_hash(0), "4");
    }
}
