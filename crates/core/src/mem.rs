//! Memory for the large hashed weight tables of the models.

/// An empty vector with room for `n` values, whose pages the kernel is asked
/// to back with transparent huge pages (2 MiB) as they are first written.
///
/// Why: decoding reads the hashed weight tables (tens of MiB) at random, one
/// row per feature, so with 4 KiB pages nearly every lookup also misses the
/// TLB and pays a page walk; with 2 MiB pages the whole table is a few dozen
/// TLB entries. This roughly halves parse time. Fill the vector right after
/// the call (e.g. with `extend`): pages written before the advice stay small.
/// Elsewhere than Linux, or when the kernel declines, the pages are ordinary.
pub fn huge_page_vec<T>(n: usize) -> Vec<T> {
    let v = Vec::with_capacity(n);
    #[cfg(target_os = "linux")]
    {
        const HUGE: usize = 1 << 21;
        let start = v.as_ptr() as usize;
        let first = start.next_multiple_of(HUGE);
        let end = (start + n * std::mem::size_of::<T>()) & !(HUGE - 1);
        if end > first {
            // SAFETY: madvise(MADV_HUGEPAGE) only advises the kernel about a
            // range inside this vector's own allocation, aligned as the call
            // requires; it changes neither the contents nor the validity of
            // the memory, and on failure the pages simply stay ordinary.
            unsafe {
                libc::madvise(first as *mut libc::c_void, end - first, libc::MADV_HUGEPAGE);
            }
        }
    }
    v
}

/// Hints the CPU to start fetching the cache line holding `p`, so that a
/// later read of it finds it in cache. Model tables read at random use it to
/// keep many cache misses in flight at once. A no-op off x86-64.
#[inline(always)]
pub fn prefetch<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is only a hint: it reads nothing into the program
    // and never faults, whatever the address.
    unsafe {
        std::arch::x86_64::_mm_prefetch(p.cast::<i8>(), std::arch::x86_64::_MM_HINT_T0);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// Bytes in a cache line (x86-64 and most ARM cores).
const LINE: usize = 64;
/// i16 weights in a cache line.
const LINE_WEIGHTS: usize = LINE / std::mem::size_of::<i16>();

/// A table of i16 weight rows laid out for reads at random. Rows wider than
/// a cache line start on a line boundary and take whole lines; narrower
/// rows are packed end to end or padded, as [`NarrowRows`] says.
///
/// Why: the models read one row per feature, nearly every read a cache
/// miss, so the lines a row touches are what a lookup costs. Packed end to
/// end, a 50-weight row (100 bytes) touches three lines about half the
/// time, and a 56-weight row more often; aligned, always two. The padding
/// is memory only: model files store the rows unpadded.
#[derive(Clone)]
pub struct WeightRows {
    width: usize,
    stride: usize,
    /// Index of row 0 in `q`: the buffer's first cache-line boundary.
    start: usize,
    rows: usize,
    q: Vec<i16>,
}

/// How [`WeightRows`] lays out rows of at most a cache line.
///
/// Padding a narrow row keeps it within one line but puts fewer rows in
/// each, so fewer of the frequent ones stay cached; which wins depends on
/// the width: the tagger's 18-weight UPOS rows ran no faster padded to 32,
/// the NER's 13-weight rows ran faster padded to 16.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NarrowRows {
    /// End to end.
    Packed,
    /// Each padded to a power of two and aligned to its size, so that no
    /// row crosses a cache line.
    Padded,
}

impl WeightRows {
    /// `rows` zero rows of `width` weights, in huge pages.
    pub fn zeroed(rows: usize, width: usize, narrow: NarrowRows) -> Self {
        let width = width.max(1);
        let stride = match narrow {
            _ if width > LINE_WEIGHTS => width.next_multiple_of(LINE_WEIGHTS),
            NarrowRows::Packed => width,
            NarrowRows::Padded => width.next_power_of_two(),
        };
        let n = rows * stride + LINE_WEIGHTS;
        let mut q: Vec<i16> = huge_page_vec(n);
        q.resize(n, 0);
        let misalign = (q.as_ptr() as usize % LINE) / std::mem::size_of::<i16>();
        WeightRows {
            width,
            stride,
            start: (LINE_WEIGHTS - misalign) % LINE_WEIGHTS,
            rows,
            q,
        }
    }

    /// `rows` rows of `width` weights read from `weights` stored end to end
    /// (rows the weights do not reach stay zero; weights past them are
    /// ignored).
    pub fn from_packed(
        rows: usize,
        width: usize,
        narrow: NarrowRows,
        weights: impl IntoIterator<Item = i16>,
    ) -> Self {
        let mut t = WeightRows::zeroed(rows, width, narrow);
        let width = t.width;
        for (i, w) in weights.into_iter().take(rows * width).enumerate() {
            // Within `q`: row i / width < rows, and `q` holds rows * stride
            // weights after `start`.
            t.q[t.start + (i / width) * t.stride + i % width] = w;
        }
        t
    }

    /// Weights per row.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.rows
    }

    /// Whether the table has no rows.
    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// Row `i`, or `None` past the end.
    #[inline]
    pub fn row(&self, i: usize) -> Option<&[i16]> {
        if i >= self.rows {
            return None;
        }
        let r = self.start + i * self.stride;
        self.q.get(r..r + self.width)
    }

    /// Asks for every cache line of row `i` (see [`prefetch`]).
    #[inline]
    pub fn prefetch_row(&self, i: usize) {
        if let Some(row) = self.row(i) {
            for line in row.chunks(LINE_WEIGHTS) {
                prefetch(line.as_ptr());
            }
        }
    }

    /// Every row in order.
    pub fn iter(&self) -> impl Iterator<Item = &[i16]> {
        (0..self.rows).filter_map(|i| self.row(i))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn huge_page_vec_is_an_ordinary_vec() {
        for n in [0, 1, 1000, 3 << 20] {
            let mut v = super::huge_page_vec::<f32>(n);
            assert!(v.is_empty() && v.capacity() >= n);
            v.extend((0..n).map(|i| i as f32));
            assert_eq!(v.len(), n);
            assert_eq!(v.last().copied(), n.checked_sub(1).map(|i| i as f32));
        }
    }

    #[test]
    fn weight_rows_are_aligned_and_keep_their_values() {
        use super::NarrowRows::{Packed, Padded};
        for narrow in [Packed, Padded] {
            for width in [1, 3, 13, 16, 17, 50, 56] {
                let packed: Vec<i16> = (0..width as i16 * 100).collect();
                let t = super::WeightRows::from_packed(100, width, narrow, packed.iter().copied());
                assert_eq!((t.len(), t.width()), (100, width));
                let flat: Vec<i16> = t.iter().flatten().copied().collect();
                assert_eq!(flat, packed);
                for i in 0..100 {
                    let row = t.row(i).expect("row in range");
                    let start = row.as_ptr() as usize;
                    if width > 32 {
                        // Wide rows: on a line boundary, in as few lines as fit.
                        assert_eq!(start % 64, 0, "width {width} row {i}");
                    } else if narrow == Padded {
                        // Padded narrow rows: aligned to their padded size.
                        let size = 2 * width.next_power_of_two();
                        assert_eq!(start % size, 0, "width {width} row {i}");
                    } else if i > 0 {
                        // Packed narrow rows: end to end.
                        let prev = t.row(i - 1).expect("row in range").as_ptr() as usize;
                        assert_eq!(start - prev, 2 * width, "width {width} row {i}");
                    }
                }
                assert!(t.row(100).is_none());
            }
        }
    }
}
