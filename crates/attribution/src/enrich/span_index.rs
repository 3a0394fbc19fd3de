//! Spans sorted by start for containment and overlap queries, so that
//! passes asking "which attributions hold this span" look at the spans near
//! it instead of at every attribution of a long document.

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
}
