//! The file system behind the `attachment-*` rules, for `--check` and the language
//! server alike: the core does no I/O and asks through [`FileProbe`].

use std::path::Path;

use azsr_core::FileProbe;

/// Looks attachments up relative to the document's folder (`P` is that folder, borrowed
/// or owned).
pub struct DirProbe<P>(pub P);

impl<P: AsRef<Path> + Sync> FileProbe for DirProbe<P> {
    fn file_size(&self, relative_path: &str) -> Option<u64> {
        let meta = std::fs::metadata(self.0.as_ref().join(relative_path)).ok()?;
        meta.is_file().then_some(meta.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_files_relative_to_the_folder_and_not_folders() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("logs")).unwrap();
        std::fs::write(dir.path().join("logs/a.log"), "12345").unwrap();
        let probe = DirProbe(dir.path());
        assert_eq!(probe.file_size("logs/a.log"), Some(5));
        assert_eq!(probe.file_size("./logs/a.log"), Some(5));
        assert_eq!(probe.file_size("logs"), None);
        assert_eq!(probe.file_size("missing.txt"), None);
    }
}
