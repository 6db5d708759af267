//! `kubectl set image (TYPE NAME | TYPE/NAME) CONTAINER=IMAGE ...`: change container images
//! in a pod template (or a pod) with a strategic merge patch, as `set_image.go` does:
//! `*` names every container, an unchanged object prints nothing, a missing container is
//! an error after the others are applied.

use super::VerbCtx;
use crate::api::{ApiError, Object};
use crate::kubectl::{errors, resources};
use crate::printers::name::name_of;
use k8s_openapi::api::core::v1::PodSpec;

/// The pod spec `UpdatePodSpecForObject` reaches in each kind.
fn pod_spec_mut(obj: &mut Object) -> Option<&mut PodSpec> {
    match obj {
        Object::Pod(p) => p.spec.as_mut(),
        Object::StatefulSet(s) => s.spec.as_mut()?.template.spec.as_mut(),
        Object::Deployment(d) => d.spec.as_mut()?.template.spec.as_mut(),
        Object::ReplicaSet(r) => r.spec.as_mut()?.template.as_mut()?.spec.as_mut(),
        _ => None,
    }
}

/// Set the images; returns the containers that were not found.
pub fn set_images(spec: &mut PodSpec, images: &[(String, String)]) -> Vec<String> {
    let mut missing = Vec::new();
    for (name, image) in images {
        let mut found = false;
        let lists = [spec.init_containers.as_mut(), Some(&mut spec.containers)];
        for list in lists.into_iter().flatten() {
            for c in list.iter_mut() {
                if &c.name == name || name == "*" {
                    found = true;
                    c.image = Some(image.clone());
                }
            }
        }
        for c in spec.ephemeral_containers.iter_mut().flatten() {
            if &c.name == name || name == "*" {
                found = true;
                c.image = Some(image.clone());
            }
        }
        if !found {
            missing.push(name.clone());
        }
    }
    missing
}

pub fn set_image(ctx: &mut VerbCtx) -> i32 {
    if !ctx.args.all("filename").is_empty()
        || ctx.args.bool("local")
        || ctx.args.is_set("dry-run")
        || ctx.args.is_set("output")
    {
        return ctx.not_simulated("-f, --local, --dry-run and -o for kubectl set image");
    }
    let mut resource_args = Vec::new();
    let mut images: Vec<(String, String)> = Vec::new();
    for arg in ctx.args.positionals().to_vec() {
        match arg.split_once('=') {
            Some((name, image)) => {
                images.retain(|(n, _)| n != name);
                images.push((name.to_string(), image.to_string()));
            }
            None if !images.is_empty() => {
                return ctx.fail(&format!(
                    "all resources must be specified before image changes: {arg}"
                ))
            }
            None => resource_args.push(arg),
        }
    }
    if images.is_empty() {
        return ctx.fail("at least one image update is required");
    }
    if images.len() > 1 && images.iter().any(|(n, _)| n == "*") {
        return ctx.fail("all containers are already specified by *, but saw more than one container_name=container_image pairs");
    }
    let selections = match resources::parse(&resource_args) {
        Ok(s) => s,
        Err(e) => return ctx.fail(&e),
    };
    let selector = match ctx.selector() {
        Ok(s) => s,
        Err(e) => return ctx.fail(&e),
    };
    let mut keys = Vec::new();
    for sel in &selections {
        if sel.names.is_empty() && !ctx.args.bool("all") && selector.is_none() {
            return ctx.fail("resource(s) were provided, but no name was specified");
        }
        keys.extend(ctx.keys(sel, selector.as_ref()));
    }
    let mut errs: Vec<String> = Vec::new();
    let mut code = 0;
    for key in keys {
        let live = match ctx.session.cluster.api.get(&key) {
            Ok(o) => o,
            Err(e) => {
                ctx.sink.err(&errors::render(&e));
                code = 1;
                continue;
            }
        };
        let mut obj = live.as_ref().clone();
        let Some(spec) = pod_spec_mut(&mut obj) else {
            errs.push(format!(
                "error: {}/{} the object is not a pod or does not have a pod template: *v1.{}\n",
                key.kind.info().plural,
                key.name,
                key.kind.info().name
            ));
            continue;
        };
        for name in set_images(spec, &images) {
            errs.push(format!(
                "error: unable to find container named {}\n",
                crate::api::errors::go_quote(&name)
            ));
        }
        if obj == *live.as_ref() {
            continue;
        }
        match ctx.session.cluster.api.update(obj) {
            Ok(o) => ctx.sink.out(&format!("{} image updated\n", name_of(&o))),
            Err(e) => errs.push(failed_patch(&e)),
        }
    }
    for e in &errs {
        ctx.sink.err(e);
    }
    if errs.is_empty() {
        code
    } else {
        1
    }
}

fn failed_patch(e: &ApiError) -> String {
    format!(
        "error: failed to patch image update to pod template: {}\n",
        e.message
    )
}
