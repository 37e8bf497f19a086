//! `--format github`: GitHub Actions workflow commands, one per finding.

use std::io::{self, Write};

use azsr_core::Level;

use super::escape::{command_data as data, command_property as property};
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

#[cfg(test)]
mod report_tests {
    #[test]
    fn one_command_per_finding_hints_left_out() {
        let mut out = Vec::new();
        super::write(&mut out, &crate::check::sample_report()).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert_eq!(
            out,
            "::error file=req/a b.azsr.md,line=1,col=1,endLine=1,endColumn=4,title=frontmatter-missing::frontmatter-missing: 50%25 done,%0Areally\n\
             ::warning file=req/a b.azsr.md,line=2,col=5,endLine=2,endColumn=8,title=unknown-field::unknown-field: 50%25 done,%0Areally\n\
             ::notice file=req/a b.azsr.md,line=3,col=1,endLine=3,endColumn=4,title=section-suggested::section-suggested: 50%25 done,%0Areally\n\
             ::error file=bad.azsr.md,title=azsr::not UTF-8 (invalid byte at offset 3)\n"
        );
    }
}
