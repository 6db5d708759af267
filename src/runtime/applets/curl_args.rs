//! curl's command line: the options the sandbox honours (`-s -S -i -I -v -L -f -O -X -d
//! -H -o -w -m -A`, their long forms, combined short flags, `-XPOST`).

pub(super) struct CurlArgs {
    pub urls: Vec<String>,
    pub silent: bool,
    pub show_error: bool,
    pub include: bool,
    pub head: bool,
    pub verbose: bool,
    pub method: Option<String>,
    pub data: Vec<String>,
    pub headers: Vec<String>,
    pub output: Option<String>,
    pub remote_name: bool,
    pub follow: bool,
    pub fail: bool,
    pub write_out: Option<String>,
    pub max_time: Option<f64>,
    pub agent: Option<String>,
}

pub(super) fn curl_args(args: &[String]) -> Result<CurlArgs, String> {
    let mut a = CurlArgs {
        urls: vec![],
        silent: false,
        show_error: false,
        include: false,
        head: false,
        verbose: false,
        method: None,
        data: vec![],
        headers: vec![],
        output: None,
        remote_name: false,
        follow: false,
        fail: false,
        write_out: None,
        max_time: None,
        agent: None,
    };
    let mut i = 0;
    let takes = |c: char| "XdHowmAeuTr".contains(c);
    while i < args.len() {
        let s = &args[i];
        let value = |i: &mut usize, inline: Option<String>| -> Result<String, String> {
            if let Some(v) = inline {
                return Ok(v);
            }
            *i += 1;
            args.get(*i).cloned().ok_or_else(|| s.clone())
        };
        if let Some(long) = s.strip_prefix("--") {
            let (name, inline) = match long.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (long, None),
            };
            match name {
                "silent" => a.silent = true,
                "show-error" => a.show_error = true,
                "include" => a.include = true,
                "head" => a.head = true,
                "verbose" => a.verbose = true,
                "location" => a.follow = true,
                "fail" => a.fail = true,
                "insecure" | "compressed" | "http1.1" | "ipv4" | "no-progress-meter"
                | "fail-with-body" => {
                    if name == "no-progress-meter" {
                        a.silent = true;
                    }
                    if name == "fail-with-body" {
                        a.fail = true;
                    }
                }
                "request" => a.method = Some(value(&mut i, inline)?),
                "data" | "data-raw" | "data-binary" | "data-ascii" | "data-urlencode" => {
                    a.data.push(value(&mut i, inline)?)
                }
                "header" => a.headers.push(value(&mut i, inline)?),
                "output" => a.output = Some(value(&mut i, inline)?),
                "remote-name" => a.remote_name = true,
                "write-out" => a.write_out = Some(value(&mut i, inline)?),
                "max-time" | "connect-timeout" => {
                    a.max_time = value(&mut i, inline)?.parse().ok();
                }
                "user-agent" => a.agent = Some(value(&mut i, inline)?),
                "url" => a.urls.push(value(&mut i, inline)?),
                "retry" | "retry-delay" | "user" | "cacert" | "resolve" => {
                    value(&mut i, inline)?;
                }
                _ => return Err(s.clone()),
            }
            i += 1;
            continue;
        }
        if s.len() > 1 && s.starts_with('-') {
            let chars: Vec<char> = s[1..].chars().collect();
            let mut j = 0;
            while j < chars.len() {
                let c = chars[j];
                if takes(c) {
                    let rest: String = chars[j + 1..].iter().collect();
                    let v = value(&mut i, (!rest.is_empty()).then_some(rest))?;
                    match c {
                        'X' => a.method = Some(v),
                        'd' => a.data.push(v),
                        'H' => a.headers.push(v),
                        'o' => a.output = Some(v),
                        'w' => a.write_out = Some(v),
                        'm' => a.max_time = v.parse().ok(),
                        'A' => a.agent = Some(v),
                        _ => {}
                    }
                    break;
                }
                match c {
                    's' => a.silent = true,
                    'S' => a.show_error = true,
                    'i' => a.include = true,
                    'I' => a.head = true,
                    'v' => a.verbose = true,
                    'L' => a.follow = true,
                    'f' => a.fail = true,
                    'O' => a.remote_name = true,
                    'k' | '4' | 'N' | 'g' | 'q' => {}
                    _ => return Err(format!("-{c}")),
                }
                j += 1;
            }
            i += 1;
            continue;
        }
        a.urls.push(s.clone());
        i += 1;
    }
    Ok(a)
}
