//! Layer 4 (code and templates): secrets passed to credential constructors and
//! connection calls (`new AzureKeyCredential("…")`, `new PDO($dsn, "user", "…")`), and
//! template parameters declared secret whatever their name (Bicep `@secure()`, ARM
//! `securestring` with a `defaultValue`, Terraform `sensitive = true` with a `default`),
//! the value given to `dotnet user-secrets set`, and the password a SQL statement sets
//! (`ALTER USER … IDENTIFIED BY '…'`, `SET PASSWORD FOR … = '…'`).

use std::ops::Range;

use super::bytes::{at, ceil, line_end, line_start};
use super::keyvalue::{accept, read_value, Sep};
use super::value::{holds_pairs, Class};
use super::{Finding, Kind};

/// Calls whose string argument at a position is a secret: the call's name (lowercase,
/// with its parenthesis), the argument's index, and what it is.
const CALLS: &[(&str, usize, Kind)] = &[
    ("azurekeycredential(", 0, Kind::ApiKey),
    ("newkeycredential(", 0, Kind::ApiKey),
    ("azurenamedkeycredential(", 1, Kind::AccessKey),
    ("storagesharedkeycredential(", 1, Kind::AccessKey),
    ("newsharedkeycredential(", 1, Kind::AccessKey),
    ("cosmosclient(", 1, Kind::AccessKey),
    ("clientsecretcredential(", 2, Kind::ClientSecret),
    ("networkcredential(", 1, Kind::Password),
    // Signing keys: `new SymmetricSecurityKey(Encoding.UTF8.GetBytes("…"))`.
    ("symmetricsecuritykey(", 0, Kind::Secret),
    ("new pdo(", 2, Kind::Password),
    ("new mysqli(", 2, Kind::Password),
    ("mysqli_connect(", 2, Kind::Password),
    // Database drivers taking the password by position: `pymssql.connect(server, user,
    // password, database)`, `MySQLdb.connect(host, user, passwd, db)`,
    // `cx_Oracle.connect(user, password, dsn)`, PHP's `mysql_connect(host, user, pass)`.
    ("pymssql.connect(", 2, Kind::Password),
    ("pymysql.connect(", 2, Kind::Password),
    ("mysqldb.connect(", 2, Kind::Password),
    ("cx_oracle.connect(", 1, Kind::Password),
    ("mysql_connect(", 2, Kind::Password),
    // JDBC: `DriverManager.getConnection(url, user, password)`.
    ("drivermanager.getconnection(", 2, Kind::Password),
    // Keyed hashes take their key first: .NET's `new HMACSHA256(key)`, Java's
    // `new SecretKeySpec(key, "HmacSHA256")`, Python's `hmac.new(key, msg, …)`.
    ("hmacsha1(", 0, Kind::Secret),
    ("hmacsha256(", 0, Kind::Secret),
    ("hmacsha384(", 0, Kind::Secret),
    ("hmacsha512(", 0, Kind::Secret),
    ("hmacmd5(", 0, Kind::Secret),
    ("secretkeyspec(", 0, Kind::Secret),
    ("hmac.new(", 0, Kind::Secret),
    // Node's `crypto.createHmac("sha256", key)`.
    ("createhmac(", 1, Kind::Secret),
];

/// The anchors of [`CALLS`]: the ends their names share (`keycredential(` ends five).
pub(crate) const CALL_ANCHORS: &[&str] = &[
    "keycredential(",
    "cosmosclient(",
    "secretcredential(",
    "networkcredential(",
    "securitykey(",
    "new pdo(",
    "new mysqli(",
    "mysqli_connect(",
    "ql.connect(",
    "mysqldb.connect(",
    "cx_oracle.connect(",
    "mysql_connect(",
    "drivermanager.getconnection(",
    "hmacsha1(",
    "hmacsha256(",
    "hmacsha384(",
    "hmacsha512(",
    "hmacmd5(",
    "secretkeyspec(",
    "hmac.new(",
    "createhmac(",
    // SQL statements setting a password (see [`sql_password`]).
    "identified by ",
    "identified with ",
    "set password ",
];

/// The call whose name ends at `hit` (one of [`CALLS`]): its argument, when a string
/// literal is there.
pub(crate) fn call_argument(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    if text[hit.clone()].ends_with(' ') {
        sql_password(text, hit, out);
        return;
    }
    // The whole name: back over the letters before the anchor.
    let b = text.as_bytes();
    let mut start = hit.start;
    while start > 0 && hit.start - start < 24 && b[start - 1].is_ascii_alphabetic() {
        start -= 1;
    }
    let call = text[start..hit.end].to_ascii_lowercase();
    let Some(&(name, index, kind)) = CALLS.iter().find(|(c, _, _)| call.ends_with(c)) else {
        return;
    };
    // `AzureKeyCredential(` is a whole name, not the end of a longer one.
    if at(text, (hit.end - name.len()).wrapping_sub(1)).is_ascii_alphanumeric() {
        return;
    }
    // Arguments may go on over the next lines when the call's line ends open
    // (`getConnection(⏎ url,⏎ user,⏎ "…")`).
    let mut limit = line_end(text, hit.end);
    for _ in 0..6 {
        let open = text[hit.end..limit].trim_end();
        if limit >= text.len() || !(open.is_empty() || open.ends_with([',', '('])) {
            break;
        }
        limit = line_end(text, limit + 1);
    }
    let limit = limit.min(hit.end + 600);
    let mut p = hit.end;
    let mut arg = 0;
    let mut depth = 0;
    while p < limit {
        match b[p] {
            b'"' | b'\'' => {
                let q = b[p];
                let start = p + 1;
                let mut i = start;
                while i < limit && b[i] != q {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                if i >= limit {
                    return;
                }
                // A key's bytes may come through a conversion call
                // (`Encoding.UTF8.GetBytes("…")`, `Convert.FromBase64String("…")`).
                let through = depth == 1 && kind == Kind::Secret;
                if arg == index && (depth == 0 || through) {
                    let v = &text[start..i];
                    if accept(class_of(kind), v, Sep::Strong, true) && !v.starts_with('$') {
                        out.push(Finding {
                            range: start..i,
                            kind,
                        });
                    }
                    return;
                }
                p = i + 1;
                continue;
            }
            // `new SymmetricSecurityKey(keyBytes)` after `var keyBytes =
            // Encoding.UTF8.GetBytes("…");`: the literal assigned to the variable above.
            // `Buffer.from(k, "base64")`: a key's variable inside its conversion.
            c if arg == index
                && (depth == 0 || depth == 1 && kind == Kind::Secret)
                && (c.is_ascii_alphabetic() || c == b'_') =>
            {
                let mut e = p;
                while e < limit && (b[e].is_ascii_alphanumeric() || b[e] == b'_') {
                    e += 1;
                }
                let mut n = e;
                while n < limit && b[n] == b' ' {
                    n += 1;
                }
                // A call or a member (`Encoding.UTF8.GetBytes(…)`) is read on.
                if n < limit && !matches!(b[n], b',' | b')') {
                    p = e;
                    continue;
                }
                if let Some(v) = assigned_literal(text, &text[p..e], line_start(text, hit.start)) {
                    if accept(class_of(kind), &text[v.clone()], Sep::Strong, true) {
                        out.push(Finding { range: v, kind });
                    }
                }
                return;
            }
            b'(' | b'[' => depth += 1,
            b')' | b']' if depth == 0 => return,
            b')' | b']' => depth -= 1,
            b',' if depth == 0 => {
                arg += 1;
                if arg > index {
                    return;
                }
            }
            _ => {}
        }
        p += 1;
    }
}

/// The password a SQL statement sets, after `IDENTIFIED BY` (MySQL, MariaDB, Oracle:
/// `CREATE USER 'app'@'%' IDENTIFIED BY '…'`, `ALTER USER scott IDENTIFIED BY Tiger26`)
/// or after the `=` of `SET PASSWORD FOR 'app'@'%' = '…'`. PostgreSQL's and SQL
/// Server's `PASSWORD '…'` and `PASSWORD = '…'` are [`super::keyvalue`]'s.
fn sql_password(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let le = line_end(text, hit.end);
    let mut p = hit.end;
    if text[hit.clone()].eq_ignore_ascii_case("identified with ") {
        // `IDENTIFIED WITH mysql_native_password BY '…'`: past the plugin to `BY`.
        let rest = text[p..le].to_ascii_lowercase();
        let Some(by) = rest.find(" by ") else {
            return;
        };
        p += by + 4;
    } else if text[hit.clone()].eq_ignore_ascii_case("set password ") {
        // Past `FOR 'user'@'host'` to the `=`, on the line.
        let Some(eq) = text[p..le].find('=') else {
            return;
        };
        p += eq + 1;
    } else if text[p..le]
        .get(..9)
        .is_some_and(|w| w.eq_ignore_ascii_case("password "))
    {
        // `IDENTIFIED BY PASSWORD '*…'` gives the hash, not the password.
        return;
    }
    let Some(v) = read_value(text, p, false) else {
        return;
    };
    let s = text[v.range.clone()].trim_end_matches(';');
    // Oracle's unquoted password ends before the next clause or the statement's `;`.
    let range = v.range.start..v.range.start + s.len();
    if accept(Class::Password, s, Sep::Strong, true) {
        out.push(Finding {
            range,
            kind: Kind::Password,
        });
    }
}

/// What a call argument of `kind` is judged as.
fn class_of(kind: Kind) -> Class {
    match kind {
        Kind::Password => Class::Password,
        Kind::ClientSecret | Kind::Secret => Class::Secret,
        k => Class::Key(k),
    }
}

/// The string literal last assigned to the variable `name` in the few lines before
/// `before` (`var apiKey = "…";`, `byte[] keyBytes = Encoding.UTF8.GetBytes("…");`,
/// `$pwd = '…'`): the first literal on the assignment's line, in a call or not.
pub(super) fn assigned_literal(text: &str, name: &str, before: usize) -> Option<Range<usize>> {
    if name.is_empty() || ["null", "new", "true", "false", "this"].contains(&name) {
        return None;
    }
    let from = ceil(text, before.saturating_sub(1200));
    let window = &text[from..before];
    let b = text.as_bytes();
    let mut at_name = None;
    for (i, _) in window.match_indices(name) {
        let s = from + i;
        let e = s + name.len();
        let whole = !at(text, s.wrapping_sub(1)).is_ascii_alphanumeric()
            && !matches!(at(text, s.wrapping_sub(1)), b'_' | b'.')
            && !at(text, e).is_ascii_alphanumeric()
            && at(text, e) != b'_';
        let mut q = e;
        while matches!(at(text, q), b' ' | b'\t') {
            q += 1;
        }
        if whole && at(text, q) == b'=' && at(text, q + 1) != b'=' {
            at_name = Some(q + 1);
        }
    }
    let p = at_name?;
    let le = line_end(text, p).min(p + 400);
    let open = p + text[p..le].find(['"', '\''])?;
    // A name looked up (`config["Jwt:Key"]`, `GetEnvironmentVariable("…")`), not a value.
    let lookup = text[p..open].to_ascii_lowercase();
    if lookup.contains('[')
        || ["config", "env", "getvalue", "getsecret", "setting", "vault"]
            .iter()
            .any(|w| lookup.contains(w))
    {
        return None;
    }
    let q = b[open];
    let start = open + 1;
    let mut i = start;
    while i < le && b[i] != q {
        i += if b[i] == b'\\' { 2 } else { 1 };
    }
    (i < le && i > start).then_some(start..i)
}

/// Bicep `@secure()` on a parameter (the decorator lines above `param NAME TYPE =
/// 'default'`): the default is a secret whatever the parameter's name.
pub(crate) fn secure_decorator(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let mut pos = line_end(text, hit.end) + 1;
    for _ in 0..4 {
        if pos >= text.len() {
            return;
        }
        let le = line_end(text, pos);
        let line = text[pos..le].trim_start();
        if line.starts_with('@') {
            pos = le + 1;
            continue;
        }
        let Some(decl) = line.strip_prefix("param ") else {
            return;
        };
        let Some(eq) = decl.find('=') else {
            return;
        };
        let vstart = le - line.len() + "param ".len() + eq + 1;
        secret_default(text, vstart, out);
        return;
    }
}

/// The default declared at `p` of a parameter declared secret: a string literal, not
/// an expression (`newGuid()`) nor a connection string (its keys speak for its parts).
fn secret_default(text: &str, p: usize, out: &mut Vec<Finding>) {
    let Some(v) = read_value(text, p, false) else {
        return;
    };
    let s = &text[v.range.clone()];
    if v.quoted && !holds_pairs(s) && accept(Class::Secret, s, Sep::Strong, true) {
        out.push(Finding {
            range: v.range,
            kind: Kind::Secret,
        });
    }
}

/// Terraform `variable "db_password" { default = "…" }`, the variable's name at `name`
/// (named for a secret by the caller): its literal default. Returns whether `name` is a
/// variable block's.
pub(crate) fn named_variable_default(
    text: &str,
    name: Range<usize>,
    out: &mut Vec<Finding>,
) -> bool {
    if at(text, name.start.wrapping_sub(1)) != b'"'
        || at(text, name.end) != b'"'
        || !text[..name.start - 1].ends_with("variable ")
    {
        return false;
    }
    let le = line_end(text, name.end);
    let Some(brace) = text[name.end + 1..le].trim_start().strip_prefix('{') else {
        return false;
    };
    // The block: to the `}` that starts a line (an object type's braces stand inside).
    let open = le - brace.len();
    let to = ceil(text, (open + 600).min(text.len()));
    let close = text[open..to].find("\n}").map_or(to, |p| open + p);
    let block = &text[open..close];
    if let Some(d) = block
        .match_indices("default")
        .map(|(i, _)| i)
        .find(|&i| block[i + "default".len()..].trim_start().starts_with('='))
    {
        let eq = open + d + block[d..].find('=').unwrap_or(0);
        secret_default(text, eq + 1, out);
    }
    true
}

/// ARM `"type": "securestring"` with a `"defaultValue"` in the same parameter object.
pub(crate) fn secure_string_default(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    if !text[hit.clone()].eq_ignore_ascii_case("securestring") || at(text, hit.end) != b'"' {
        return;
    }
    let from = line_start(text, hit.start.saturating_sub(300));
    let to = ceil(text, (hit.end + 400).min(text.len()));
    // The object: from the `{` before the type to the `}` after it.
    let Some(open) = text[from..hit.start].rfind('{').map(|p| from + p) else {
        return;
    };
    let close = text[hit.end..to].find('}').map_or(to, |p| hit.end + p);
    let Some(d) = text[open..close].find("\"defaultValue\"") else {
        return;
    };
    let mut p = open + d + "\"defaultValue\"".len();
    while matches!(at(text, p), b' ' | b'\t') {
        p += 1;
    }
    if at(text, p) != b':' {
        return;
    }
    secret_default(text, p + 1, out);
}

/// Terraform `variable "…" { sensitive = true  default = "…" }`: the default, whatever
/// the variable's name.
pub(crate) fn sensitive_variable(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let le = line_end(text, hit.end);
    let rest = text[hit.end..le].trim_start();
    if !rest.starts_with('=') || rest[1..].trim() != "true" {
        return;
    }
    // The block: from the `{` before to the `}` after.
    let from = ceil(text, hit.start.saturating_sub(600));
    let Some(open) = text[from..hit.start].rfind('{').map(|p| from + p) else {
        return;
    };
    let to = ceil(text, (hit.end + 600).min(text.len()));
    let close = text[hit.end..to].find('}').map_or(to, |p| hit.end + p);
    let block = &text[open..close];
    let Some(d) = block
        .match_indices("default")
        .map(|(i, _)| i)
        .find(|&i| block[i + "default".len()..].trim_start().starts_with('='))
    else {
        return;
    };
    let eq = open + d + block[d..].find('=').unwrap_or(0);
    secret_default(text, eq + 1, out);
}

/// `dotnet user-secrets set "Name" "value"`: the value, when the name says it is a
/// secret or the value is shaped as a key.
pub(crate) fn user_secrets_set(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let Some(name) = read_value(text, hit.end, false) else {
        return;
    };
    let Some(v) = read_value(text, name.range.end + usize::from(name.quoted), false) else {
        return;
    };
    let n = &text[name.range.clone()];
    let s = &text[v.range.clone()];
    let last = n.rsplit(':').next().unwrap_or(n);
    let named = super::value::classify(last).is_some()
        || matches!(
            last.to_ascii_lowercase().as_str(),
            "key" | "value" | "secret"
        );
    let ok = if named {
        accept(Class::Secret, s, Sep::Strong, true)
    } else {
        accept(Class::Key(Kind::AccessKey), s, Sep::Strong, true)
    };
    if ok && !holds_pairs(s) && !s.starts_with('-') {
        out.push(Finding {
            range: v.range,
            kind: Kind::Secret,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::found;

    #[test]
    fn a_keyed_hash_takes_its_key_first() {
        let key = "elBs3AID45TCz2cdZlno7ksZSAnIBxjxQw8=";
        for text in [
            format!("// 署名（相手側と同じ値）\nprivate static readonly byte[] Data = Convert.FromBase64String(\"{key}\");\nusing var h = new HMACSHA256(Data);\n"),
            format!("using var hmac = new HMACSHA512(Convert.FromBase64String(\"{key}\"));\n"),
            format!("SecretKeySpec spec = new SecretKeySpec(\"{key}\".getBytes(), \"HmacSHA256\");\n"),
            format!("sig = hmac.new(b\"{key}\", body, hashlib.sha256).hexdigest()\n"),
            format!("const k = \"{key}\"; // 署名用\nmodule.exports = (b) => crypto.createHmac(\"sha256\", Buffer.from(k, \"base64\")).update(b).digest(\"hex\");\n"),
        ] {
            assert_eq!(found(&text), [key], "{text}");
        }
        for text in [
            "using var h = new HMACSHA256(Encoding.UTF8.GetBytes(config[\"Sign:Key\"]));\n",
            "var h = new HMACSHA256(keyBytes);\n",
            "sig = hmac.new(key, body, hashlib.sha256).hexdigest()\n",
            "const k = process.env.SIGNING_KEY;\nconst h = crypto.createHmac(\"sha256\", Buffer.from(k, \"base64\"));\n",
            "const h = crypto.createHmac(\"sha256\", secret);\n",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_jdbc_password_may_stand_on_the_lines_below_the_call() {
        let text = "Connection conn = DriverManager.getConnection(\n    \"jdbc:sqlserver://sql-r.database.windows.net:1433;database=r\",\n    \"rptreader\",\n    \"Blue-Heron-Falls-1999\");\n";
        assert_eq!(found(text), ["Blue-Heron-Falls-1999"]);
        let text =
            "Connection c = DriverManager.getConnection(url, \"rptreader\", \"Tq7#mVx2pL9w\");\n";
        assert_eq!(found(text), ["Tq7#mVx2pL9w"]);
        let text = "Connection c = DriverManager.getConnection(\n    url,\n    user,\n    System.getenv(\"DB_PASSWORD\"));\n";
        assert!(found(text).is_empty());
    }

    #[test]
    fn a_credential_passed_by_a_variable_assigned_above_is_found() {
        let hex = "a1be5ccc58f16e1dc8eec2d79fdfd1ba7e1cbaae7d783ac8e484068ce59ad2eb";
        for text in [
            format!("// 署名検証用\nbyte[] keyBytes = Encoding.UTF8.GetBytes(\"{hex}\");\nvar signingKey = new SymmetricSecurityKey(keyBytes);\n"),
            format!("var secret = Convert.FromBase64String(\"{hex}\");\n\nvar key = new SymmetricSecurityKey(secret);\n"),
            "string pwd = \"Kobe#2024xyz\";\nvar cred = new NetworkCredential(\"svc-batch\", pwd);\n".to_string(),
        ] {
            assert_eq!(found(&text).len(), 1, "{text}: {:?}", found(&text));
        }
        for text in [
            // Read from configuration, not a literal.
            "var keyBytes = Encoding.UTF8.GetBytes(config[\"Jwt:Key\"]);\nvar k = new SymmetricSecurityKey(keyBytes);\n",
            "string pwd = Environment.GetEnvironmentVariable(\"SQL_PASSWORD\");\nvar cred = new NetworkCredential(\"svc\", pwd);\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn the_password_a_sql_statement_sets() {
        for (text, value) in [
            ("mysql> ALTER USER 'appro'@'%' IDENTIFIED BY 'Ronly-2026-kaki';\n", "Ronly-2026-kaki"),
            (
                "CREATE USER 'app'@'10.0.%' IDENTIFIED WITH mysql_native_password BY \"Kq9!zzPw7x2\";\n",
                "Kq9!zzPw7x2",
            ),
            // Oracle: unquoted, up to the statement's end.
            ("SQL> ALTER USER scott IDENTIFIED BY Tiger2026x;\n", "Tiger2026x"),
            ("mysql> SET PASSWORD FOR 'appro'@'%' = 'Natsu#2026yoru';\n", "Natsu#2026yoru"),
            ("grant all on appdb.* to 'app'@'%' identified by 'Osaka-Rt#2026';\n", "Osaka-Rt#2026"),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            // A hash given, a plugin without a password, placeholders and variables.
            "ALTER USER 'app'@'%' IDENTIFIED BY PASSWORD '*F7277DBCF9A9C81EAB738EB3E39C946E3645C402';\n",
            "CREATE USER 'ops'@'localhost' IDENTIFIED WITH auth_socket;\n",
            "ALTER USER 'app'@'%' IDENTIFIED BY '<新しいパスワード>';\n",
            "ALTER USER 'app'@'%' IDENTIFIED BY '${DB_PASSWORD}';\n",
            // MySQL's stored hashes listed.
            "| appadmin    | %    | mysql_native_password | *F7277DBCF9A9C81EAB738EB3E39C946E3645C402 |\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
