//! Run-length page state: an interval map from guest addresses to a value, so an allocation
//! of any size costs a handful of entries rather than one per page.

use std::collections::BTreeMap;

#[derive(Clone, Debug)]
pub struct Runs<V> {
    /// start -> (end exclusive, value); runs never overlap and equal neighbours are merged.
    map: BTreeMap<u32, (u32, V)>,
}

impl<V: Copy + Eq> Runs<V> {
    pub fn new(start: u32, end: u32, value: V) -> Self {
        Self {
            map: BTreeMap::from([(start, (end, value))]),
        }
    }

    /// The run containing `addr`.
    pub fn at(&self, addr: u32) -> Option<(u32, u32, V)> {
        let (&s, &(e, v)) = self.map.range(..=addr).next_back()?;
        (addr < e).then_some((s, e, v))
    }

    /// Runs overlapping `start..end`, clipped to it.
    pub fn within(&self, start: u32, end: u32) -> impl Iterator<Item = (u32, u32, V)> + '_ {
        let first = self.at(start).map_or(start, |(s, _, _)| s);
        self.map
            .range(first..end)
            .map(move |(&s, &(e, v))| (s.max(start), e.min(end), v))
            .filter(|(s, e, _)| s < e)
    }

    fn split(&mut self, at: u32) {
        if let Some((s, e, v)) = self.at(at) {
            if s < at {
                self.map.insert(s, (at, v));
                self.map.insert(at, (e, v));
            }
        }
    }

    /// Gives `start..end` the value `value`.
    pub fn set(&mut self, start: u32, end: u32, value: V) {
        if start >= end {
            return;
        }
        self.split(start);
        self.split(end);
        let inside: Vec<u32> = self.map.range(start..end).map(|(&s, _)| s).collect();
        for s in inside {
            self.map.remove(&s);
        }
        let (mut s, mut e) = (start, end);
        if let Some((ps, pe, pv)) = self.at(start.wrapping_sub(1)) {
            if start > 0 && pe == start && pv == value {
                self.map.remove(&ps);
                s = ps;
            }
        }
        if let Some(&(ne, nv)) = self.map.get(&end) {
            if nv == value {
                self.map.remove(&end);
                e = ne;
            }
        }
        self.map.insert(s, (e, value));
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.map.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_splits_and_merges() {
        let mut r = Runs::new(0x1000, 0x9000, 0u8);
        r.set(0x3000, 0x5000, 1);
        assert_eq!(r.at(0x2fff), Some((0x1000, 0x3000, 0)));
        assert_eq!(r.at(0x3000), Some((0x3000, 0x5000, 1)));
        assert_eq!(r.at(0x5000), Some((0x5000, 0x9000, 0)));
        assert_eq!(r.len(), 3);
        r.set(0x5000, 0x6000, 1);
        assert_eq!(
            r.at(0x3000),
            Some((0x3000, 0x6000, 1)),
            "merged with the left run"
        );
        r.set(0x3000, 0x6000, 0);
        assert_eq!(r.len(), 1, "back to one run");
        assert_eq!(r.at(0x9000), None);
        assert_eq!(r.at(0x0fff), None);
    }

    #[test]
    fn within_clips() {
        let mut r = Runs::new(0, 0x4000, 'a');
        r.set(0x1000, 0x2000, 'b');
        let v: Vec<_> = r.within(0x800, 0x1800).collect();
        assert_eq!(v, vec![(0x800, 0x1000, 'a'), (0x1000, 0x1800, 'b')]);
    }
}
