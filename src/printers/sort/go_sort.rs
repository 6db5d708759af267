//! Go's `sort.Sort` (pattern-defeating quicksort, Go 1.19 and later), step for step.
//!
//! kubectl's `--sort-by` sorts with `sort.Sort`, which is not stable: items with equal
//! keys (every pod on the same node, every claim of the same size) come out in an order
//! that only this exact algorithm reproduces. Its comparison also has quirks (an item
//! without the field is "less" than every item, including another without it), so the
//! algorithm has to make the same calls in the same order, not merely sort correctly.
//! Ported from the Go source (`src/sort/sort.go`, `zsortinterface.go`); deterministic,
//! the pattern breaker's xorshift is seeded with the length.

/// What `sort.Sort` needs: `Less` and `Swap` over indexes.
pub trait SortData {
    fn len(&self) -> usize;
    fn less(&mut self, i: usize, j: usize) -> bool;
    fn swap(&mut self, i: usize, j: usize);
}

#[derive(Clone, Copy, PartialEq)]
enum Hint {
    Unknown,
    Increasing,
    Decreasing,
}

/// `sort.Sort(data)`.
pub fn sort(data: &mut dyn SortData) {
    let n = data.len();
    if n <= 1 {
        return;
    }
    let limit = bits_len(n);
    pdqsort(data, 0, n, limit);
}

/// Go's `bits.Len`: the number of bits needed to represent `x`.
fn bits_len(x: usize) -> usize {
    (usize::BITS - x.leading_zeros()) as usize
}

fn insertion_sort(data: &mut dyn SortData, a: usize, b: usize) {
    for i in a + 1..b {
        let mut j = i;
        while j > a && data.less(j, j - 1) {
            data.swap(j, j - 1);
            j -= 1;
        }
    }
}

fn sift_down(data: &mut dyn SortData, lo: usize, hi: usize, first: usize) {
    let mut root = lo;
    loop {
        let mut child = 2 * root + 1;
        if child >= hi {
            return;
        }
        if child + 1 < hi && data.less(first + child, first + child + 1) {
            child += 1;
        }
        if !data.less(first + root, first + child) {
            return;
        }
        data.swap(first + root, first + child);
        root = child;
    }
}

fn heap_sort(data: &mut dyn SortData, a: usize, b: usize) {
    let first = a;
    let hi = b - a;
    let mut i = (hi as isize - 1) / 2;
    while i >= 0 {
        sift_down(data, i as usize, hi, first);
        i -= 1;
    }
    let mut i = hi as isize - 1;
    while i >= 0 {
        data.swap(first, first + i as usize);
        sift_down(data, 0, i as usize, first);
        i -= 1;
    }
}

fn pdqsort(data: &mut dyn SortData, mut a: usize, mut b: usize, mut limit: usize) {
    const MAX_INSERTION: usize = 12;
    let mut was_balanced = true;
    let mut was_partitioned = true;
    loop {
        let length = b - a;
        if length <= MAX_INSERTION {
            insertion_sort(data, a, b);
            return;
        }
        if limit == 0 {
            heap_sort(data, a, b);
            return;
        }
        if !was_balanced {
            break_patterns(data, a, b);
            limit -= 1;
        }
        let (mut pivot, mut hint) = choose_pivot(data, a, b);
        if hint == Hint::Decreasing {
            reverse_range(data, a, b);
            pivot = (b - 1) - (pivot - a);
            hint = Hint::Increasing;
        }
        if was_balanced
            && was_partitioned
            && hint == Hint::Increasing
            && partial_insertion_sort(data, a, b)
        {
            return;
        }
        if a > 0 && !data.less(a - 1, pivot) {
            a = partition_equal(data, a, b, pivot);
            continue;
        }
        let (mid, already_partitioned) = partition(data, a, b, pivot);
        was_partitioned = already_partitioned;
        let (left_len, right_len) = (mid - a, b - mid);
        let balance_threshold = length / 8;
        if left_len < right_len {
            was_balanced = left_len >= balance_threshold;
            pdqsort(data, a, mid, limit);
            a = mid + 1;
        } else {
            was_balanced = right_len >= balance_threshold;
            pdqsort(data, mid + 1, b, limit);
            b = mid;
        }
    }
}

fn partition(data: &mut dyn SortData, a: usize, b: usize, pivot: usize) -> (usize, bool) {
    data.swap(a, pivot);
    // i and j are inclusive bounds; j may step below a+1, so keep them signed.
    let (mut i, mut j) = (a as isize + 1, b as isize - 1);
    while i <= j && data.less(i as usize, a) {
        i += 1;
    }
    while i <= j && !data.less(j as usize, a) {
        j -= 1;
    }
    if i > j {
        data.swap(j as usize, a);
        return (j as usize, true);
    }
    data.swap(i as usize, j as usize);
    i += 1;
    j -= 1;
    loop {
        while i <= j && data.less(i as usize, a) {
            i += 1;
        }
        while i <= j && !data.less(j as usize, a) {
            j -= 1;
        }
        if i > j {
            break;
        }
        data.swap(i as usize, j as usize);
        i += 1;
        j -= 1;
    }
    data.swap(j as usize, a);
    (j as usize, false)
}

fn partition_equal(data: &mut dyn SortData, a: usize, b: usize, pivot: usize) -> usize {
    data.swap(a, pivot);
    let (mut i, mut j) = (a as isize + 1, b as isize - 1);
    loop {
        while i <= j && !data.less(a, i as usize) {
            i += 1;
        }
        while i <= j && data.less(a, j as usize) {
            j -= 1;
        }
        if i > j {
            break;
        }
        data.swap(i as usize, j as usize);
        i += 1;
        j -= 1;
    }
    i as usize
}

fn partial_insertion_sort(data: &mut dyn SortData, a: usize, b: usize) -> bool {
    const MAX_STEPS: usize = 5;
    const SHORTEST_SHIFTING: usize = 50;
    let mut i = a + 1;
    for _ in 0..MAX_STEPS {
        while i < b && !data.less(i, i - 1) {
            i += 1;
        }
        if i == b {
            return true;
        }
        if b - a < SHORTEST_SHIFTING {
            return false;
        }
        data.swap(i, i - 1);
        // Shift the smaller one to the left (Go counts down to 1, not to a).
        if i - a >= 2 {
            let mut j = i - 1;
            while j >= 1 {
                if !data.less(j, j - 1) {
                    break;
                }
                data.swap(j, j - 1);
                j -= 1;
            }
        }
        // Shift the greater one to the right.
        if b - i >= 2 {
            for j in i + 1..b {
                if !data.less(j, j - 1) {
                    break;
                }
                data.swap(j, j - 1);
            }
        }
    }
    false
}

fn break_patterns(data: &mut dyn SortData, a: usize, b: usize) {
    let length = b - a;
    if length >= 8 {
        let mut random = length as u64;
        let modulus = 1u64 << bits_len(length);
        let mid = a + (length / 4) * 2;
        for idx in mid - 1..=mid + 1 {
            // Go's xorshift: shifts 13, 17, 5 (the kubectl oracle confirms this triple).
            random ^= random << 13;
            random ^= random >> 17;
            random ^= random << 5;
            let mut other = (random & (modulus - 1)) as usize;
            if other >= length {
                other -= length;
            }
            data.swap(idx, a + other);
        }
    }
}

fn choose_pivot(data: &mut dyn SortData, a: usize, b: usize) -> (usize, Hint) {
    const SHORTEST_NINTHER: usize = 50;
    const MAX_SWAPS: usize = 4 * 3;
    let l = b - a;
    let mut swaps = 0;
    let mut i = a + l / 4;
    let mut j = a + l / 4 * 2;
    let mut k = a + l / 4 * 3;
    if l >= 8 {
        if l >= SHORTEST_NINTHER {
            i = median(data, i - 1, i, i + 1, &mut swaps);
            j = median(data, j - 1, j, j + 1, &mut swaps);
            k = median(data, k - 1, k, k + 1, &mut swaps);
        }
        j = median(data, i, j, k, &mut swaps);
    }
    match swaps {
        0 => (j, Hint::Increasing),
        MAX_SWAPS => (j, Hint::Decreasing),
        _ => (j, Hint::Unknown),
    }
}

fn order2(data: &mut dyn SortData, a: usize, b: usize, swaps: &mut usize) -> (usize, usize) {
    if data.less(b, a) {
        *swaps += 1;
        return (b, a);
    }
    (a, b)
}

fn median(data: &mut dyn SortData, a: usize, b: usize, c: usize, swaps: &mut usize) -> usize {
    let (a, b) = order2(data, a, b, swaps);
    let (b, c) = order2(data, b, c, swaps);
    let _ = c;
    let (_, b) = order2(data, a, b, swaps);
    b
}

fn reverse_range(data: &mut dyn SortData, a: usize, b: usize) {
    let (mut i, mut j) = (a, b - 1);
    while i < j {
        data.swap(i, j);
        i += 1;
        j -= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys with the permutation that Swap builds, as kubectl's RuntimeSort keeps it.
    struct Keys {
        keys: Vec<Option<u32>>,
        order: Vec<usize>,
    }

    impl SortData for Keys {
        fn len(&self) -> usize {
            self.keys.len()
        }
        // kubectl's quirk: a missing key is less than anything, even another missing one.
        fn less(&mut self, i: usize, j: usize) -> bool {
            match (self.keys[i], self.keys[j]) {
                (None, _) => true,
                (_, None) => false,
                (Some(a), Some(b)) => a < b,
            }
        }
        fn swap(&mut self, i: usize, j: usize) {
            self.keys.swap(i, j);
            self.order.swap(i, j);
        }
    }

    fn sorted(keys: &[Option<u32>]) -> Vec<usize> {
        let mut k = Keys {
            keys: keys.to_vec(),
            order: (0..keys.len()).collect(),
        };
        sort(&mut k);
        k.order
    }

    #[test]
    fn short_inputs_use_insertion_sort() {
        // kubectl v1.32 printed pods without the label in reverse order, then the one
        // that has it (`get pods --sort-by=.metadata.labels.tier`).
        assert_eq!(
            sorted(&[Some(1), None, None, None, None, None]),
            vec![5, 4, 3, 2, 1, 0]
        );
        assert_eq!(sorted(&[Some(3), Some(1), Some(2)]), vec![1, 2, 0]);
    }

    #[test]
    fn equal_keys_in_longer_inputs_are_reordered_as_go_does() {
        // `kubectl get pods -A --sort-by=.spec.nodeName` against 19 pods on three nodes
        // (0 = control plane, 1 = worker, 2 = worker2), in the apiserver's order.
        let nodes = [1, 2, 1, 2, 2, 1, 2, 1, 0, 1, 0, 2, 0, 0, 2, 1, 0, 0, 1];
        let keys: Vec<Option<u32>> = nodes.iter().map(|n| Some(*n)).collect();
        // kubectl v1.32 printed them in this order (by original position).
        assert_eq!(
            sorted(&keys),
            vec![12, 10, 8, 17, 16, 13, 5, 7, 2, 18, 0, 15, 9, 11, 6, 1, 14, 4, 3]
        );
    }

    #[test]
    fn larger_inputs_sort_and_terminate() {
        let keys: Vec<Option<u32>> = (0..500u32).map(|i| Some((i * 7919) % 101)).collect();
        let order = sorted(&keys);
        for w in order.windows(2) {
            assert!(keys[w[0]] <= keys[w[1]]);
        }
        let mut seen = order.clone();
        seen.sort();
        assert_eq!(seen, (0..500).collect::<Vec<_>>());
        let desc: Vec<Option<u32>> = (0..300u32).rev().map(Some).collect();
        assert_eq!(sorted(&desc), (0..300).rev().collect::<Vec<_>>());
    }
}
