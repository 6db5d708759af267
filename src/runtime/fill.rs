//! The "fill its volume" drill on the runtime side: a pod volume marked full refuses
//! every write that needs space (`No space left on device`), as a filesystem whose last
//! block is taken does, and `df` shows it 100% used. The mark lives on the volume's data,
//! not on the pod: a claim's volume stays full for the pod that replaces it, until it is
//! emptied (`heal pod`).
//!
//! Which volumes can be filled: those holding data of their own (a
//! `persistentVolumeClaim` bound to a volume, `emptyDir`, `hostPath`), not the read-only
//! projected ones.

use super::volumes::{self, VolumeId};
use super::Runtime;
use crate::api::time::Millis;
use crate::runtime::fs::Volume;
use crate::store::Store;
use k8s_openapi::api::core::v1::{Container, Pod, VolumeMount};

/// A pod volume the drill can fill: its name in the pod spec, where its data lives and
/// the capacity it gets when it is first set up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FillableVolume {
    pub name: String,
    /// The claim behind it, for a `persistentVolumeClaim` volume.
    pub claim: Option<String>,
    pub id: VolumeId,
    pub capacity: Option<u64>,
}

/// The pod's volumes that hold data, in spec order (claims first would change the
/// default only when a pod mixes kinds; the spec order is what the learner wrote).
pub fn fillable_volumes(store: &Store, pod: &Pod) -> Vec<FillableVolume> {
    let Some(spec) = pod.spec.as_ref() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for vol in spec.volumes.iter().flatten() {
        let holds_data = vol.persistent_volume_claim.is_some()
            || vol.empty_dir.is_some()
            || vol.host_path.is_some();
        if !holds_data {
            continue;
        }
        // Plan a mount of just this volume: the runtime's own rules say where its data
        // lives and how large it is.
        let probe = Container {
            name: "fill".into(),
            volume_mounts: Some(vec![VolumeMount {
                name: vol.name.clone(),
                mount_path: "/fill".into(),
                ..Default::default()
            }]),
            ..Default::default()
        };
        if let Some(planned) = volumes::plan(store, pod, &probe).into_iter().next() {
            out.push(FillableVolume {
                name: vol.name.clone(),
                claim: vol
                    .persistent_volume_claim
                    .as_ref()
                    .map(|c| c.claim_name.clone()),
                id: planned.mount.volume,
                capacity: planned.capacity,
            });
        }
    }
    out
}

impl Runtime {
    /// Mark `volume`'s data full (setting the volume up if no container has used it yet).
    /// Returns whether it was not full before.
    pub fn fill_volume(&mut self, volume: &FillableVolume, now: Millis) -> bool {
        let vol = self
            .volumes
            .entry(volume.id.clone())
            .or_insert_with(|| Volume::new(volume.capacity, now));
        if let (Some(cap), VolumeId::Pv(_)) = (volume.capacity, &volume.id) {
            vol.capacity = cap;
        }
        !std::mem::replace(&mut vol.full, true)
    }

    /// Empty the filler out of `volume`. Returns whether it was full.
    pub fn empty_volume(&mut self, volume: &FillableVolume) -> bool {
        self.volumes
            .get_mut(&volume.id)
            .is_some_and(|v| std::mem::replace(&mut v.full, false))
    }

    /// Whether `volume` is filled now.
    pub fn is_full(&self, volume: &FillableVolume) -> bool {
        self.volumes.get(&volume.id).is_some_and(|v| v.full)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::fs::FsErr;

    fn p(s: &str) -> Vec<String> {
        s.split('/')
            .filter(|c| !c.is_empty())
            .map(String::from)
            .collect()
    }

    #[test]
    fn a_full_volume_refuses_data_but_not_empty_files_and_heals() {
        let fv = FillableVolume {
            name: "www".into(),
            claim: Some("www-web-0".into()),
            id: VolumeId::Pv("pvc-1".into()),
            capacity: Some(1 << 30),
        };
        let mut rt = Runtime::default();
        assert!(rt.fill_volume(&fv, 0));
        assert!(!rt.fill_volume(&fv, 0), "filling twice reports it was full");
        let v = rt.volumes.get_mut(&fv.id).unwrap();
        assert_eq!(v.capacity, 1 << 30);
        assert_eq!(v.used_for_df(), 1 << 30);
        // `> x` creates the file; the data does not fit.
        assert_eq!(v.write(&p("x"), "", false, 0), Ok(()));
        assert_eq!(v.write(&p("x"), "hello\n", true, 0), Err(FsErr::NoSpace));
        assert_eq!(
            v.insert(&p("d"), crate::runtime::fs::Inode::dir(0o755, 0)),
            Err(FsErr::NoSpace)
        );
        // Removing data is always possible, and truncating to nothing too.
        assert_eq!(v.write(&p("x"), "", false, 0), Ok(()));
        assert!(v.remove(&p("x")).is_ok());
        assert!(rt.is_full(&fv));
        assert!(rt.empty_volume(&fv));
        assert!(!rt.empty_volume(&fv));
        let v = rt.volumes.get_mut(&fv.id).unwrap();
        assert_eq!(v.used_for_df(), 0);
        assert_eq!(v.write(&p("x"), "hello\n", false, 0), Ok(()));
    }
}
