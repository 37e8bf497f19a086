//! Reading a file azsr was pointed at (a request, a catalog) without trusting what the
//! name stands for: only a regular file is read (after following links), its type is
//! looked at before it is opened (opening a FIFO blocks until a writer comes; a device
//! such as `/dev/zero` never ends), and never more than a cap.

use std::io::Read;
use std::path::Path;

use azsr_core::{msg, Msg};

/// The most bytes read for one request draft (`--check`): a draft with pasted logs is a
/// few megabytes; 64 MiB is far above any real one and still analysed in seconds.
pub const REQUEST_MAX_BYTES: u64 = 64 << 20;

/// The most bytes read for one catalog file (`[catalog] services`,
/// `problem_classifications`): `az support services list` output is about 100 KB.
pub const CATALOG_MAX_BYTES: u64 = 32 << 20;

/// The most bytes read for an `azsr.toml`: a few dozen lines in practice.
pub const CONFIG_MAX_BYTES: u64 = 1 << 20;

/// Why a file was not read.
#[derive(Debug)]
pub enum Refused {
    /// Not a regular file: what it is instead.
    NotRegular(Kind),
    /// Larger than the cap.
    TooLarge { size: u64, max: u64 },
    /// The file system said no.
    Io(std::io::Error),
}

/// What a name stands for when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Folder,
    Fifo,
    CharDevice,
    BlockDevice,
    Socket,
    Other,
}

impl Kind {
    fn of(file_type: std::fs::FileType) -> Kind {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if file_type.is_fifo() {
                return Kind::Fifo;
            }
            if file_type.is_char_device() {
                return Kind::CharDevice;
            }
            if file_type.is_block_device() {
                return Kind::BlockDevice;
            }
            if file_type.is_socket() {
                return Kind::Socket;
            }
        }
        if file_type.is_dir() {
            Kind::Folder
        } else {
            Kind::Other
        }
    }

    fn name(self) -> Msg {
        match self {
            Kind::Folder => msg!("a folder", "フォルダー"),
            Kind::Fifo => msg!("a FIFO", "FIFO（名前付きパイプ）"),
            Kind::CharDevice => msg!("a device", "デバイス"),
            Kind::BlockDevice => msg!("a block device", "ブロック デバイス"),
            Kind::Socket => msg!("a socket", "ソケット"),
            Kind::Other => msg!("a special file", "特殊なファイル"),
        }
    }
}

impl Refused {
    /// What to tell the user, in both languages.
    pub fn message(&self) -> Msg {
        match self {
            Refused::NotRegular(kind) => {
                let Msg { en, ja } = kind.name();
                msg!(
                    "{en}, not a regular file: only regular files are read",
                    "通常のファイルではなく{ja}です。読み取るのは通常のファイルだけです。"
                )
            }
            Refused::TooLarge { size, max } => {
                let mib = max >> 20;
                msg!(
                    "too large ({size} bytes): at most {mib} MiB is read",
                    "大きすぎます。読み取るのは {mib} MiB までです（{size} バイト）。"
                )
            }
            Refused::Io(e) => io_message(e),
        }
    }
}

/// What to tell about a file the file system would not let us read.
pub fn io_message(e: &std::io::Error) -> Msg {
    match e.kind() {
        std::io::ErrorKind::NotFound => {
            msg!(
                "no such file or directory",
                "ファイルもフォルダーもありません。"
            )
        }
        std::io::ErrorKind::PermissionDenied => {
            msg!("permission denied", "読み取る権限がありません。")
        }
        _ => msg!("cannot read: {e}", "読み取れません（{e}）。"),
    }
}

impl From<std::io::Error> for Refused {
    fn from(e: std::io::Error) -> Refused {
        Refused::Io(e)
    }
}

/// Whether `path` names a regular file of at most `max` bytes, by its metadata only
/// (nothing is opened).
pub fn check(path: &Path, max: u64) -> Result<(), Refused> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(Refused::NotRegular(Kind::of(meta.file_type())));
    }
    if meta.len() > max {
        return Err(Refused::TooLarge {
            size: meta.len(),
            max,
        });
    }
    Ok(())
}

/// The bytes of the regular file at `path`, at most `max` of them ([`check`] first,
/// then a bounded read: a file that grew in between is refused too).
pub fn read(path: &Path, max: u64) -> Result<Vec<u8>, Refused> {
    check(path, max)?;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(max + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(Refused::TooLarge {
            size: bytes.len() as u64,
            max,
        });
    }
    Ok(bytes)
}

/// [`read`] as UTF-8 text, or what to tell the user in both languages.
pub fn read_to_string(path: &Path, max: u64) -> Result<String, Msg> {
    let bytes = read(path, max).map_err(|r| r.message())?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        msg!(
            "not UTF-8 (invalid byte at offset {at})",
            "UTF-8 ではありません（位置 {at} に不正なバイト）。"
        )
    })
}

/// Reads at most `max` bytes of `reader` (standard input).
pub fn read_stream(reader: impl Read, max: u64) -> Result<Vec<u8>, Refused> {
    let mut bytes = Vec::new();
    reader.take(max + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(Refused::TooLarge {
            size: bytes.len() as u64,
            max,
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn refuses_devices_fifos_folders_and_oversized_files_without_opening_them() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("zero.azsr.md");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        assert!(matches!(
            read(&link, 1024),
            Err(Refused::NotRegular(Kind::CharDevice))
        ));
        let fifo = dir.path().join("pipe.json");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            // Opening it would block forever: the refusal comes from its metadata.
            assert!(matches!(
                read(&fifo, 1024),
                Err(Refused::NotRegular(Kind::Fifo))
            ));
        }
        assert!(matches!(
            read(dir.path(), 1024),
            Err(Refused::NotRegular(Kind::Folder))
        ));
        let big = dir.path().join("big.json");
        std::fs::write(&big, vec![b'x'; 2048]).unwrap();
        let refused = read(&big, 1024).unwrap_err();
        assert!(matches!(
            refused,
            Refused::TooLarge {
                size: 2048,
                max: 1024
            }
        ));
        assert_eq!(read(&big, 2048).unwrap().len(), 2048);
        assert!(matches!(
            read_stream(&b"abcdef"[..], 4),
            Err(Refused::TooLarge { .. })
        ));
        let m = Refused::NotRegular(Kind::Fifo).message();
        assert_eq!(
            m.en,
            "a FIFO, not a regular file: only regular files are read"
        );
        assert!(m.ja.ends_with('。') && m.ja.contains("名前付きパイプ"));
    }
}
