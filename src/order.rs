//! Stable sorting by an integer rank, through one shared sort. Every `sort_by_key` call site
//! compiles the whole of `core`'s driftsort again for its own closure (about 4 KB of wasm each);
//! here only `(rank, position)` pairs are sorted, so every caller shares one instantiation.

/// Reorders `items` by `rank`, lowest first; equal ranks keep their current order.
pub fn sort_by_rank<T>(items: &mut [T], rank: impl Fn(&T) -> i64) {
    let mut ranked: Vec<(i64, usize)> = items
        .iter()
        .enumerate()
        .map(|(position, item)| (rank(item), position))
        .collect();
    // The positions make every pair distinct, so the unstable sort gives the stable order.
    ranked.sort_unstable();
    let order: Vec<usize> = ranked.into_iter().map(|(_, position)| position).collect();
    apply(items, &order);
}

/// Puts the item that was at `order[k]` at `k`, in place. A slot `i` whose item was already
/// swapped away is found again by following `order` from it; the chains stay short in practice.
fn apply<T>(items: &mut [T], order: &[usize]) {
    for target in 0..items.len() {
        let Some(mut source) = order.get(target).copied() else {
            return;
        };
        while source < target {
            source = order.get(source).copied().unwrap_or(target);
        }
        items.swap(target, source);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_rank_and_keeps_equal_ranks_in_order() {
        let mut words = ["d3", "a1", "c2", "b1", "e0", "f2"];
        sort_by_rank(&mut words, |w| i64::from(w.as_bytes()[1] - b'0'));
        assert_eq!(words, ["e0", "a1", "b1", "c2", "f2", "d3"]);
    }

    #[test]
    fn every_permutation_of_five_comes_out_sorted() {
        // All 120 orders of 0..5, each with a duplicate rank, against the standard stable sort.
        let mut items: Vec<(i64, char)> = vec![(0, 'a'), (1, 'b'), (2, 'c'), (2, 'd'), (4, 'e')];
        for _ in 0..120 {
            let mut expected = items.clone();
            expected.sort_by_key(|item| item.0);
            let mut got = items.clone();
            sort_by_rank(&mut got, |item| item.0);
            assert_eq!(got, expected, "from {items:?}");
            next_permutation(&mut items);
        }
    }

    fn next_permutation<T: Ord>(items: &mut [T]) {
        let Some(i) = (1..items.len()).rev().find(|&i| items[i - 1] < items[i]) else {
            items.reverse();
            return;
        };
        let j = (i..items.len())
            .rev()
            .find(|&j| items[i - 1] < items[j])
            .unwrap_or(i);
        items.swap(i - 1, j);
        items[i..].reverse();
    }
}
