//! The `kind[.group]/name` form of an object, as cli-runtime's name printer writes it for
//! `-o name`, success messages and the kind prefix of multi-kind tables.

use crate::api::Object;

/// `statefulset.apps/web`, `pod/web-0`, `storageclass.storage.k8s.io/standard`.
pub fn name_of(obj: &Object) -> String {
    format!("{}/{}", obj.kind().info().kind_group(), obj.name())
}

#[cfg(test)]
mod tests {
    use super::*;
    use k8s_openapi::api::apps::v1::StatefulSet;
    use k8s_openapi::api::core::v1::Pod;
    use k8s_openapi::api::storage::v1::StorageClass;
    use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;

    fn meta(name: &str) -> ObjectMeta {
        ObjectMeta {
            name: Some(name.into()),
            ..Default::default()
        }
    }

    #[test]
    fn kind_group_slash_name() {
        let sts = Object::from(StatefulSet {
            metadata: meta("web"),
            ..Default::default()
        });
        let pod = Object::from(Pod {
            metadata: meta("web-0"),
            ..Default::default()
        });
        let sc = Object::from(StorageClass {
            metadata: meta("standard"),
            provisioner: "x".into(),
            ..Default::default()
        });
        assert_eq!(name_of(&sts), "statefulset.apps/web");
        assert_eq!(name_of(&pod), "pod/web-0");
        assert_eq!(name_of(&sc), "storageclass.storage.k8s.io/standard");
    }
}
