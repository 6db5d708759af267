//! Pathname expansion: a field with an unquoted `*`, `?` or `[` becomes the sorted names
//! it matches, one directory level at a time through [`crate::shell::Host::list_dir`].
//! Names starting with `.` match only a pattern starting with `.`. No match: the field
//! stays as written (POSIX; bash's `nullglob` is off by default).

use crate::shell::interp::{Cx, Shell};
use crate::shell::pattern::{has_magic, unescape, Pattern};

fn join(dir: &str, name: &str) -> String {
    match dir {
        "" => name.to_string(),
        "/" => format!("/{name}"),
        _ => format!("{dir}/{name}"),
    }
}

impl Shell {
    pub(super) fn glob(&mut self, cx: &mut Cx, pattern: &str) -> Vec<String> {
        let cwd = self.state.cwd.clone();
        let dirs_only = pattern.ends_with('/');
        let components: Vec<&str> = pattern.split('/').filter(|c| !c.is_empty()).collect();
        let mut paths = vec![if pattern.starts_with('/') {
            "/".to_string()
        } else {
            String::new()
        }];
        let mut last_literal = false;
        for (i, comp) in components.iter().enumerate() {
            let last = i + 1 == components.len();
            let mut next = Vec::new();
            if !has_magic(comp) {
                let name = unescape(comp);
                next.extend(paths.iter().map(|p| join(p, &name)));
                last_literal = true;
            } else {
                last_literal = false;
                let pat = Pattern::new(comp);
                for p in &paths {
                    let dir = if p.is_empty() { "." } else { p.as_str() };
                    let Ok(mut names) = cx.host.list_dir(&cwd, dir) else {
                        continue;
                    };
                    names.sort();
                    for name in names {
                        if name.starts_with('.') && !pat.starts_with_dot() {
                            continue;
                        }
                        if !pat.matches_str(&name) {
                            continue;
                        }
                        let path = join(p, &name);
                        if (!last || dirs_only) && !cx.host.is_dir(&cwd, &path) {
                            continue;
                        }
                        next.push(path);
                    }
                }
            }
            paths = next;
            if paths.is_empty() || paths.len() > self.limits.max_fields {
                return Vec::new();
            }
        }
        if last_literal {
            paths.retain(|p| cx.host.exists(&cwd, p));
        }
        if dirs_only {
            for p in &mut paths {
                p.push('/');
            }
        }
        paths
    }
}
