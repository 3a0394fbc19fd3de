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
}
