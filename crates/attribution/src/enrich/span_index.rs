//! Spans sorted by start for containment and overlap queries, so that
//! passes asking "which attributions hold this span" look at the spans near
//! it instead of at every attribution of a long document.

use std::collections::BTreeSet;
use whosaid_core::Span;

/// Spans, each with a tag (usually the index of the attribution it belongs
/// to), sorted by start.
#[derive(Debug, Clone)]
pub(super) struct SpanIndex<T> {
    entries: Vec<(Span, T)>,
    /// The greatest end among `entries[..=k]`: once it falls short of a
    /// query, no earlier span can reach the query either.
    reach: Vec<u32>,
}

impl<T: Copy> SpanIndex<T> {
    pub(super) fn new(mut entries: Vec<(Span, T)>) -> Self {
        entries.sort_by_key(|(s, _)| s.start);
        let mut reach = Vec::with_capacity(entries.len());
        let mut max_end = 0;
        for (s, _) in &entries {
            max_end = max_end.max(s.end);
            reach.push(max_end);
        }
        SpanIndex { entries, reach }
    }

    /// The entries whose span contains `span` ([`Span::contains`]), in no
    /// particular order.
    pub(super) fn containing(&self, span: Span) -> impl Iterator<Item = (Span, T)> + '_ {
        let k = self.entries.partition_point(|(s, _)| s.start <= span.start);
        self.entries[..k]
            .iter()
            .zip(&self.reach[..k])
            .rev()
            .take_while(move |&(_, &reach)| reach >= span.end)
            .map(|(&e, _)| e)
            .filter(move |(s, _)| s.contains(&span))
    }

    /// The entries whose span overlaps `span` ([`Span::overlaps`]), in no
    /// particular order.
    pub(super) fn overlapping(&self, span: Span) -> impl Iterator<Item = (Span, T)> + '_ {
        let k = self.entries.partition_point(|(s, _)| s.start < span.end);
        self.entries[..k]
            .iter()
            .zip(&self.reach[..k])
            .rev()
            .take_while(move |&(_, &reach)| reach > span.start)
            .map(|(&e, _)| e)
            .filter(move |(s, _)| s.overlaps(&span))
    }
}

/// Spans added one by one, for overlap tests between additions.
#[derive(Debug, Clone, Default)]
pub(super) struct GrowingSpans {
    by_start: BTreeSet<(u32, u32)>,
    /// The longest span added: one overlapping a query starts at most that
    /// far before it.
    longest: u32,
}

impl GrowingSpans {
    pub(super) fn insert(&mut self, span: Span) {
        self.by_start.insert((span.start, span.end));
        self.longest = self.longest.max(span.len());
    }

    /// Whether a span added overlaps `span` ([`Span::overlaps`]).
    pub(super) fn overlaps(&self, span: Span) -> bool {
        let from = (span.start.saturating_sub(self.longest), 0);
        self.by_start
            .range(from..(span.end, 0))
            .any(|&(start, end)| Span::new(start, end).overlaps(&span))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_find_what_a_scan_of_every_span_finds() {
        let spans: Vec<Span> = [
            (0, 50),
            (3, 4),
            (5, 9),
            (5, 5),
            (8, 20),
            (10, 12),
            (30, 31),
            (40, 90),
            (60, 61),
        ]
        .iter()
        .map(|&(a, b)| Span::new(a, b))
        .collect();
        let index = SpanIndex::new(spans.iter().copied().zip(0..).collect());
        for a in 0..95 {
            for b in a..a + 6 {
                let q = Span::new(a, b);
                let sorted = |mut v: Vec<usize>| {
                    v.sort_unstable();
                    v
                };
                let scan = |f: &dyn Fn(&Span) -> bool| {
                    spans
                        .iter()
                        .enumerate()
                        .filter(|(_, s)| f(s))
                        .map(|(i, _)| i)
                        .collect::<Vec<_>>()
                };
                assert_eq!(
                    sorted(index.containing(q).map(|(_, i)| i).collect()),
                    scan(&|s| s.contains(&q)),
                    "containing {q:?}"
                );
                assert_eq!(
                    sorted(index.overlapping(q).map(|(_, i)| i).collect()),
                    scan(&|s| s.overlaps(&q)),
                    "overlapping {q:?}"
                );
            }
        }
    }

    #[test]
    fn growing_spans_overlap_as_a_scan_finds() {
        let spans = [(5, 9), (20, 21), (22, 40), (41, 41), (50, 52)];
        let mut growing = GrowingSpans::default();
        let mut added = Vec::new();
        for &(a, b) in &spans {
            growing.insert(Span::new(a, b));
            added.push(Span::new(a, b));
            for start in 0..60 {
                for end in start..start + 4 {
                    let q = Span::new(start, end);
                    let scan = added.iter().any(|s| s.overlaps(&q));
                    assert_eq!(growing.overlaps(q), scan, "{q:?}");
                }
            }
        }
    }
}
