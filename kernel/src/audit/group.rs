//! Folding per-handle conclusions into findings. A pool of worker threads parked on "work
//! available" events made by one creator shows up as several handles with the same creator LR,
//! the same wait-call LR and the same conclusion; a person wants to read that once.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::diagnose::Diagnosis;
use super::live::LiveHandle;
use super::record::AuditRecord;

/// One parked handle's contribution to the grouping.
#[derive(Debug, Clone)]
pub struct Parked<'a> {
    pub handle: u32,
    pub diagnosis: Diagnosis,
    pub created: Option<&'a AuditRecord>,
    pub live: &'a LiveHandle,
}

/// Handles that share a conclusion, a creator LR and a wait-call LR set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub diagnosis: Diagnosis,
    /// The LR of the creating call; `None` for handles never seen created.
    pub creator_lr: Option<u32>,
    /// Distinct wait-call LRs of the parked threads, ascending.
    pub wait_lrs: Vec<u32>,
    /// Creator thread ids seen in the group, ascending, deduplicated.
    pub creator_tids: Vec<u32>,
    pub handles: Vec<u32>,
    /// Parked thread ids, ascending, deduplicated.
    pub waiter_tids: Vec<u32>,
}

type Key = (Diagnosis, Option<u32>, Vec<u32>);

/// Groups parked handles; findings come out in the order of their lowest handle.
pub fn group(parked: &[Parked<'_>]) -> Vec<Finding> {
    let mut groups: BTreeMap<Key, Finding> = BTreeMap::new();
    for p in parked {
        let mut wait_lrs: Vec<u32> = p.live.waiters.iter().map(|w| w.wait_lr).collect();
        wait_lrs.sort_unstable();
        wait_lrs.dedup();
        let creator_lr = p.created.map(|c| c.site.lr);
        let key = (p.diagnosis, creator_lr, wait_lrs.clone());
        let f = groups.entry(key).or_insert_with(|| Finding {
            diagnosis: p.diagnosis,
            creator_lr,
            wait_lrs,
            creator_tids: Vec::new(),
            handles: Vec::new(),
            waiter_tids: Vec::new(),
        });
        f.handles.push(p.handle);
        f.creator_tids.extend(p.created.map(|c| c.site.tid));
        f.waiter_tids.extend(p.live.waiters.iter().map(|w| w.tid));
    }
    let mut out: Vec<Finding> = groups
        .into_values()
        .map(|mut f| {
            for v in [&mut f.handles, &mut f.creator_tids, &mut f.waiter_tids] {
                v.sort_unstable();
                v.dedup();
            }
            f
        })
        .collect();
    out.sort_by_key(|f| f.handles[0]);
    out
}

fn hex_list(values: &[u32]) -> String {
    values
        .iter()
        .map(|v| format!("0x{v:08x}"))
        .collect::<Vec<_>>()
        .join(",")
}

fn dec_list(values: &[u32]) -> String {
    values
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// Two lines per finding: what the handles share, then the conclusion.
pub fn render_findings(out: &mut String, findings: &[Finding]) {
    for f in findings {
        let creator = match f.creator_lr {
            Some(lr) => format!("creator lr=0x{lr:08x} tid={}", dec_list(&f.creator_tids)),
            None => "creator <UNCREATED>".to_owned(),
        };
        let _ = writeln!(
            out,
            "FINDING: {} handle(s) [{}] {creator}, wait-call lr={}, parked tids={}",
            f.handles.len(),
            hex_list(&f.handles),
            hex_list(&f.wait_lrs),
            dec_list(&f.waiter_tids),
        );
        let _ = writeln!(out, "  DIAGNOSIS: {}", f.diagnosis.conclusion());
    }
}

#[cfg(test)]
mod tests {
    use super::super::live::LiveWaiter;
    use super::super::record::{Site, Source};
    use super::*;

    fn created(tid: u32, lr: u32) -> AuditRecord {
        AuditRecord {
            site: Site {
                cycle: 0,
                tid,
                lr,
                source: Source::export("NtCreateEvent"),
            },
            aux: 0,
        }
    }

    fn live(tid: u32, wait_lr: u32) -> LiveHandle {
        LiveHandle {
            kind: None,
            signaled: false,
            waiters: vec![LiveWaiter { tid, wait_lr }],
        }
    }

    #[test]
    fn three_workers_on_events_from_one_creator_are_one_finding() {
        let c = created(1, 0x824a_9f6c);
        let (l4, l5, l6) = (
            live(4, 0x824a_c578),
            live(5, 0x824a_c578),
            live(6, 0x824a_c578),
        );
        let other = live(7, 0x8250_0000);
        let ghost = live(8, 0x8250_0000);
        let parked = [
            Parked {
                handle: 0x100c,
                diagnosis: Diagnosis::NeverSignalled,
                created: Some(&c),
                live: &l5,
            },
            Parked {
                handle: 0x1004,
                diagnosis: Diagnosis::NeverSignalled,
                created: Some(&c),
                live: &l4,
            },
            Parked {
                handle: 0x15e4,
                diagnosis: Diagnosis::NeverSignalled,
                created: Some(&c),
                live: &l6,
            },
            // Same creator, different wait site: a separate finding.
            Parked {
                handle: 0x2000,
                diagnosis: Diagnosis::NeverSignalled,
                created: Some(&c),
                live: &other,
            },
            Parked {
                handle: 0x4245_0b5c,
                diagnosis: Diagnosis::NonAuditedPath,
                created: None,
                live: &ghost,
            },
        ];
        let findings = group(&parked);
        assert_eq!(findings.len(), 3);
        assert_eq!(findings[0].handles, vec![0x1004, 0x100c, 0x15e4]);
        assert_eq!(findings[0].waiter_tids, vec![4, 5, 6]);
        assert_eq!(findings[0].creator_tids, vec![1]);
        assert_eq!(findings[0].wait_lrs, vec![0x824a_c578]);
        assert_eq!(findings[1].handles, vec![0x2000]);
        assert_eq!(findings[2].creator_lr, None);

        let mut text = String::new();
        render_findings(&mut text, &findings);
        assert!(text.starts_with(
            "FINDING: 3 handle(s) [0x00001004,0x0000100c,0x000015e4] creator lr=0x824a9f6c tid=1, \
             wait-call lr=0x824ac578, parked tids=4,5,6\n  DIAGNOSIS: producer never signalled"
        ), "{text}");
        assert_eq!(text.matches("FINDING").count(), 3);
    }

    #[test]
    fn same_sites_but_different_conclusions_stay_apart() {
        let c = created(1, 0x824a_9f6c);
        let (a, b) = (live(4, 0x10), live(5, 0x10));
        let parked = [
            Parked {
                handle: 1,
                diagnosis: Diagnosis::NeverSignalled,
                created: Some(&c),
                live: &a,
            },
            Parked {
                handle: 2,
                diagnosis: Diagnosis::SignalledNotWoken,
                created: Some(&c),
                live: &b,
            },
        ];
        assert_eq!(group(&parked).len(), 2);
    }
}
