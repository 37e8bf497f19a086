//! `--format github`: GitHub Actions workflow commands, one per finding.

use std::io::{self, Write};

use azsr_core::Level;

use super::Report;

pub fn write(out: &mut impl Write, report: &Report) -> io::Result<()> {
    for file in &report.files {
        for f in &file.findings {
            let command = match f.level {
                Level::Error => "error",
                Level::Warning => "warning",
                Level::Information => "notice",
                Level::Hint => continue,
            };
            writeln!(
                out,
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                property(&file.path),
                f.start.line,
                f.start.column,
                f.end.line,
                f.end.column,
                property(f.code),
                data(&f.message),
            )?;
        }
    }
    for failure in &report.failures {
        writeln!(
            out,
            "::error file={},title=azsr::{}",
            property(&failure.path),
            data(&failure.message)
        )?;
    }
    Ok(())
}

/// Escapes a command's message: `%`, CR, LF.
pub fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value: as [`data`], and `:` and `,`.
pub fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(data("100% a:b,c\r\nd"), "100%25 a:b,c%0D%0Ad");
        assert_eq!(property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
