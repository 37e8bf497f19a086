//! The body as rules see it: headings, sections, code blocks, and prose with
//! everything that is not prose masked out.
//!
//! Prose blocks carry a `masked` copy of their text of the same byte length, in which
//! code spans, autolinks, link destinations, HTML tags, bare URLs, ARM resource IDs and
//! block continuation markers (`> ` of a block quote) are blanked with spaces. Text rules
//! search `masked` and report offsets into the document directly. Inline content is
//! parsed fresh on every analysis, one block at a time (old inline trees are not reused:
//! tree-sitter issue 5636).

use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

use regex::Regex;
use tree_sitter::{Node, Parser, Tree, TreeCursor};

use crate::pasted_log::{self, PROSE_MAX};
use crate::sections::{section_of_heading, SectionKind};
use crate::text::Folded;

#[derive(Debug, Clone)]
pub struct Heading {
    pub level: u8,
    /// The whole heading line(s).
    pub range: Range<usize>,
    /// The heading's text without markers.
    pub text_range: Range<usize>,
    pub section: Option<SectionKind>,
}

#[derive(Debug, Clone)]
pub struct Section {
    pub kind: SectionKind,
    /// Index into [`Body::headings`].
    pub heading: usize,
    /// From the end of the heading to the next heading of the same or a higher level.
    pub content: Range<usize>,
    /// Nothing but headings under it (blank lines, HTML comments such as a template's
    /// `<!-- hint -->` and thematic breaks do not count as content).
    pub empty: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading,
    TableCell,
}

/// A run of prose: a paragraph, a heading's text or a table cell.
#[derive(Debug, Clone)]
pub struct ProseBlock {
    pub kind: BlockKind,
    pub range: Range<usize>,
    /// The text of `range` with non-prose blanked (same length, same offsets).
    pub masked: String,
    /// The innermost known section holding the block.
    pub section: Option<SectionKind>,
    /// The block sits in a list item.
    pub in_list_item: bool,
    /// `masked` width-folded for phrase search, made on first use and shared by the rules.
    pub folded: OnceLock<Folded>,
}

impl ProseBlock {
    /// The width-folded `masked` text (see [`Folded`]).
    pub fn folded(&self) -> &Folded {
        self.folded.get_or_init(|| Folded::new(&self.masked))
    }
}

#[derive(Debug, Clone)]
pub struct CodeBlock {
    pub range: Range<usize>,
    /// The code without fences.
    pub content: Range<usize>,
    pub section: Option<SectionKind>,
}

#[derive(Debug, Clone, Default)]
pub struct Body {
    /// Where the body starts (after the front matter).
    pub start: usize,
    pub headings: Vec<Heading>,
    pub sections: Vec<Section>,
    pub prose: Vec<ProseBlock>,
    pub code_blocks: Vec<CodeBlock>,
    /// Link and image destinations in the body: (range of the destination, is image).
    pub links: Vec<(Range<usize>, bool)>,
    /// Inline HTML in prose (tags and comments), blanked in `masked`. Kept so that a rule
    /// can tell `<br>` from a template placeholder the inline grammar also reads as a tag
    /// (`<name>`, `<YOUR_NAME>`).
    pub html_tags: Vec<Range<usize>>,
    /// Text pasted into prose that is not prose (sorted): runs of log lines written
    /// without a code fence, and blocks over [`crate::pasted_log::PROSE_MAX`]. Like code,
    /// they are left out of `prose` (a paragraph around a log becomes the blocks before
    /// and after it) and not parsed for inline content.
    pub pasted: Vec<Range<usize>>,
    /// For each section, the index of the known section it is nested in.
    parents: Vec<Option<usize>>,
}

impl Body {
    pub fn section(&self, kind: SectionKind) -> Option<&Section> {
        self.sections.iter().find(|s| s.kind == kind)
    }

    pub fn has_section(&self, kind: SectionKind) -> bool {
        self.section(kind).is_some()
    }

    /// The innermost known section around `offset`.
    pub fn section_at(&self, offset: usize) -> Option<SectionKind> {
        // Sections nest (each runs to the next heading of its level or higher), so the
        // innermost one holding `offset` is the last one starting before it, or one of
        // that one's ancestors.
        let idx = self.sections.partition_point(|s| s.content.start <= offset);
        let mut i = idx.checked_sub(1)?;
        loop {
            let s = &self.sections[i];
            if s.content.start <= offset && offset < s.content.end {
                return Some(s.kind);
            }
            i = (*self.parents.get(i)?)?;
        }
    }

    /// Prose blocks outside the `errors` section.
    pub fn prose_outside_errors(&self) -> impl Iterator<Item = &ProseBlock> {
        self.prose
            .iter()
            .filter(|b| b.section != Some(SectionKind::Errors))
    }
}

// A URL or a resource ID written straight before Japanese text (`…/vm-web-01へ接続`,
// `https://example.com/docsを参照`) ends at the first Hiragana, CJK punctuation or
// full-width form: those are never part of one in a request.
static BARE_URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:https?|ftp|file)://[^\s<>()\[\]\p{Hiragana}\x{3000}-\x{303F}\x{FF00}-\x{FFEF}]+",
    )
    .unwrap()
});
static RESOURCE_ID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)/subscriptions/[0-9a-f-]{8,}(?:/[^\s/`'\x22<>()\p{Hiragana}\x{3000}-\x{303F}\x{FF00}-\x{FFEF}]+)*")
        .unwrap()
});

fn inline_parser() -> Parser {
    let mut parser = Parser::new();
    parser
        .set_language(&tree_sitter_md::INLINE_LANGUAGE.into())
        .expect("tree-sitter-md inline grammar matches the tree-sitter ABI");
    parser
}

fn blank(masked: &mut [u8], range: Range<usize>) {
    for b in &mut masked[range] {
        // Keep line breaks so that lines stay lines; blank everything else byte by byte.
        if *b != b'\n' && *b != b'\r' {
            *b = b' ';
        }
    }
}

/// A prose block found by the block walk: its kind, range, whether it sits in a list
/// item, and the block continuation markers (`> `, list indentation) inside it.
struct RawProse {
    kind: BlockKind,
    range: Range<usize>,
    in_list: bool,
    holes: Vec<Range<usize>>,
}

struct Collect<'a> {
    text: &'a str,
    headings: Vec<Heading>,
    prose: Vec<RawProse>,
    code: Vec<(Range<usize>, Range<usize>)>,
    /// Blocks that are not content for `Section::empty`: HTML comments, thematic breaks.
    invisible: Vec<Range<usize>>,
}

/// What the block walk does with a node, by its kind: looked up by the node's kind id
/// (one table for the grammar) instead of comparing kind names at every node.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Skip,
    HtmlBlock,
    ThematicBreak,
    Code,
    CodeContent,
    Heading,
    Inline,
    Paragraph,
    TableCell,
    ListItem,
    BlockQuote,
    Continuation,
    Other,
}

static KINDS: LazyLock<Vec<Kind>> = LazyLock::new(|| {
    let lang: tree_sitter::Language = tree_sitter_md::LANGUAGE.into();
    (0..lang.node_kind_count())
        .map(|id| match lang.node_kind_for_id(id as u16).unwrap_or("") {
            "minus_metadata" | "plus_metadata" | "link_reference_definition" => Kind::Skip,
            "html_block" => Kind::HtmlBlock,
            "thematic_break" => Kind::ThematicBreak,
            "fenced_code_block" | "indented_code_block" => Kind::Code,
            "code_fence_content" => Kind::CodeContent,
            "atx_heading" | "setext_heading" => Kind::Heading,
            "inline" => Kind::Inline,
            "paragraph" => Kind::Paragraph,
            "pipe_table_cell" => Kind::TableCell,
            "list_item" => Kind::ListItem,
            "block_quote" => Kind::BlockQuote,
            "block_continuation" => Kind::Continuation,
            _ => Kind::Other,
        })
        .collect()
});

/// The walk's kind of a node of the block tree.
fn kind(node: Node) -> Kind {
    KINDS
        .get(usize::from(node.kind_id()))
        .copied()
        .unwrap_or(Kind::Other)
}

/// The `block_continuation` children of an inline node (they are not part of its text).
/// Only a block in a container (list item, block quote) has any: elsewhere the children,
/// a node per word, are not walked (a pasted log has hundreds of thousands). Markers
/// stand at the start of a continuation line, so a one-line block has none either.
fn continuations(text: &str, node: Node, in_container: bool) -> Vec<Range<usize>> {
    let one_line = text
        .as_bytes()
        .get(node.byte_range())
        .is_some_and(|b| !b.iter().any(|&c| c == b'\n' || c == b'\r'));
    if !in_container || one_line {
        debug_assert!(in_container || continuations(text, node, true).is_empty());
        return Vec::new();
    }
    let mut cursor = node.walk();
    node.children(&mut cursor)
        .filter(|c| kind(*c) == Kind::Continuation && !c.byte_range().is_empty())
        .map(|c| c.byte_range())
        .collect()
}

/// True for an HTML block made only of comments (`<!-- … -->`), such as a template hint.
fn is_comment_block(text: &str) -> bool {
    let mut rest = text.trim();
    if rest.is_empty() {
        return false;
    }
    while !rest.is_empty() {
        let Some(after) = rest.strip_prefix("<!--") else {
            return false;
        };
        match after.find("-->") {
            Some(i) => rest = after[i + 3..].trim_start(),
            None => return true, // unclosed comment: runs to the end of the block
        }
    }
    true
}

impl Collect<'_> {
    /// Visits the node under `cursor` and its descendants, leaving the cursor where it was.
    fn walk(
        &mut self,
        cursor: &mut TreeCursor,
        in_list: bool,
        in_container: bool,
        body_start: usize,
    ) {
        let node = cursor.node();
        if node.end_byte() <= body_start {
            return;
        }
        match kind(node) {
            Kind::Skip => {}
            Kind::HtmlBlock => {
                if is_comment_block(&self.text[node.byte_range()]) {
                    self.invisible.push(node.byte_range());
                }
            }
            Kind::ThematicBreak => self.invisible.push(node.byte_range()),
            Kind::Code => {
                let mut children = node.walk();
                let content = node
                    .children(&mut children)
                    .find(|c| kind(*c) == Kind::CodeContent)
                    .map(|c| c.byte_range())
                    .unwrap_or_else(|| node.byte_range());
                self.code.push((node.byte_range(), content));
            }
            Kind::Heading => {
                let level = heading_level(node);
                let mut children = node.walk();
                let content = node
                    .children(&mut children)
                    .find(|c| matches!(kind(*c), Kind::Inline | Kind::Paragraph));
                let text_range = content
                    .map(|c| trim_range(self.text, c.byte_range()))
                    .map(|r| strip_closing_sequence(self.text, r))
                    .unwrap_or(node.end_byte()..node.end_byte());
                let holes = content
                    .map(|c| match kind(c) {
                        Kind::Paragraph => c
                            .child(0)
                            .filter(|i| kind(*i) == Kind::Inline)
                            .map(|i| continuations(self.text, i, in_container))
                            .unwrap_or_default(),
                        _ => continuations(self.text, c, in_container),
                    })
                    .unwrap_or_default();
                let section = section_of_heading(&self.text[text_range.clone()]);
                self.headings.push(Heading {
                    level,
                    range: trim_range(self.text, node.byte_range()),
                    text_range: text_range.clone(),
                    section,
                });
                if !text_range.is_empty() {
                    self.prose.push(RawProse {
                        kind: BlockKind::Heading,
                        range: text_range,
                        in_list,
                        holes,
                    });
                }
            }
            Kind::Paragraph => {
                let mut children = node.walk();
                for c in node.children(&mut children) {
                    if kind(c) == Kind::Inline {
                        self.prose.push(RawProse {
                            kind: BlockKind::Paragraph,
                            range: c.byte_range(),
                            in_list,
                            holes: continuations(self.text, c, in_container),
                        });
                    }
                }
            }
            Kind::TableCell => {
                let r = trim_range(self.text, node.byte_range());
                if !r.is_empty() {
                    self.prose.push(RawProse {
                        kind: BlockKind::TableCell,
                        range: r,
                        in_list,
                        holes: Vec::new(),
                    });
                }
            }
            k => {
                let in_list = in_list || k == Kind::ListItem;
                let in_container = in_container || in_list || k == Kind::BlockQuote;
                if cursor.goto_first_child() {
                    loop {
                        self.walk(cursor, in_list, in_container, body_start);
                        if !cursor.goto_next_sibling() {
                            break;
                        }
                    }
                    cursor.goto_parent();
                }
            }
        }
    }
}

fn heading_level(node: Node) -> u8 {
    for i in 0..node.child_count() {
        if let Some(c) = node.child(i) {
            let kind = c.kind();
            if let Some(n) = kind
                .strip_prefix("atx_h")
                .and_then(|r| r.strip_suffix("_marker"))
            {
                return n.parse().unwrap_or(1);
            }
            if kind == "setext_h1_underline" {
                return 1;
            }
            if kind == "setext_h2_underline" {
                return 2;
            }
        }
    }
    1
}

/// Drops an ATX heading's optional closing sequence (`## Goal ##` names `Goal`).
fn strip_closing_sequence(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let without = s.trim_end_matches('#');
    if without.len() == s.len() {
        return r;
    }
    // The closing sequence must be preceded by a space (or be all there is).
    if without.is_empty() {
        return r.start..r.start;
    }
    if !without.ends_with([' ', '\t']) {
        return r;
    }
    trim_range(text, r.start..r.start + without.len())
}

fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let start = r.start + (s.len() - s.trim_start().len());
    let end = r.start + s.trim_end().len();
    start..end.max(start)
}

/// Builds the body model from the block tree.
pub fn build(text: &str, tree: &Tree, body_start: usize) -> Body {
    let mut c = Collect {
        text,
        headings: Vec::new(),
        prose: Vec::new(),
        code: Vec::new(),
        invisible: Vec::new(),
    };
    c.walk(&mut tree.walk(), false, false, body_start);
    c.headings.retain(|h| h.range.start >= body_start);
    c.prose.retain(|p| p.range.start >= body_start);
    let mut pasted = Vec::new();
    c.prose = std::mem::take(&mut c.prose)
        .into_iter()
        .flat_map(|p| split_pasted(text, p, &mut pasted))
        .collect();
    group_log_paragraphs(text, &mut c.prose, &mut pasted);
    pasted.sort_by_key(|r| r.start);
    c.code.retain(|(r, _)| r.start >= body_start);
    c.invisible.retain(|r| r.start >= body_start);

    // Sections run to the next heading of the same or a higher level.
    let mut content_starts: Vec<usize> = c
        .prose
        .iter()
        .filter(|p| p.kind != BlockKind::Heading)
        .map(|p| p.range.start)
        .chain(c.code.iter().map(|(r, _)| r.start))
        .chain(pasted.iter().map(|r: &Range<usize>| r.start))
        .collect();
    content_starts.sort_unstable();
    c.invisible.sort_by_key(|r| r.start);
    let mut sections: Vec<Section> = Vec::new();
    let mut parents: Vec<Option<usize>> = Vec::new();
    // Open sections (indices), outermost first.
    let mut open: Vec<usize> = Vec::new();
    // Ends of sections: the next heading of the same or a higher level, found with a
    // stack of headings still waiting for theirs.
    let mut ends = vec![text.len(); c.headings.len()];
    let mut waiting: Vec<usize> = Vec::new();
    for (i, h) in c.headings.iter().enumerate() {
        while let Some(&w) = waiting.last() {
            if c.headings[w].level >= h.level {
                ends[w] = h.range.start;
                waiting.pop();
            } else {
                break;
            }
        }
        waiting.push(i);
    }
    for (i, h) in c.headings.iter().enumerate() {
        let Some(kind) = h.section else { continue };
        let end = ends[i];
        let content = h.range.end.min(end)..end;
        let first = content_starts.partition_point(|&s| s < content.start);
        let has_content = content_starts.get(first).is_some_and(|&s| s < content.end)
            || visible_text(text, content.clone(), &c.headings, &c.invisible);
        while let Some(&o) = open.last() {
            if sections[o].content.end <= h.range.start {
                open.pop();
            } else {
                break;
            }
        }
        parents.push(open.last().copied());
        open.push(sections.len());
        sections.push(Section {
            kind,
            heading: i,
            content,
            empty: !has_content,
        });
    }

    // Mask inline non-prose. Each block is parsed on its own (with its continuation
    // markers left out, as the block grammar intends), so that a stray backtick in one
    // paragraph never pairs with one in the next.
    let mut links = Vec::new();
    let mut html_tags = Vec::new();
    let mut masks: Vec<Range<usize>> = Vec::new();
    let mut parser = inline_parser();
    for p in &c.prose {
        masks.extend(p.holes.iter().cloned());
        let ranges = included_ranges(p.range.clone(), &p.holes);
        // Every node `collect_inline` keeps starts with `` ` ``, `<` or `[` (code spans,
        // autolinks, HTML tags, link destinations): a block with none of them has
        // nothing to mask, and most prose is such a block.
        let bytes = text.as_bytes();
        let may_hold_inline = ranges
            .iter()
            .any(|r| memchr::memchr3(b'`', b'<', b'[', &bytes[r.start_byte..r.end_byte]).is_some());
        if !may_hold_inline || parser.set_included_ranges(&ranges).is_err() {
            continue;
        }
        if let Some(tree) = parser.parse(text, None) {
            collect_inline(tree.root_node(), &mut masks, &mut links, &mut html_tags);
        }
    }
    masks.sort_by_key(|r| r.start);
    html_tags.sort_by_key(|r| r.start);
    let mut body = Body {
        start: body_start,
        headings: c.headings,
        sections,
        prose: Vec::new(),
        code_blocks: Vec::new(),
        links,
        html_tags,
        pasted,
        parents,
    };
    let mut masked_all: Vec<u8> = Vec::new();
    for RawProse {
        kind,
        range,
        in_list,
        ..
    } in c.prose
    {
        masked_all.clear();
        masked_all.extend_from_slice(&text.as_bytes()[range.clone()]);
        let lo = masks.partition_point(|m| m.end <= range.start);
        for m in masks[lo..].iter().take_while(|m| m.start < range.end) {
            let s = m.start.max(range.start) - range.start;
            let e = m.end.min(range.end) - range.start;
            if s < e {
                blank(&mut masked_all, s..e);
            }
        }
        let mut masked = String::from_utf8(masked_all.clone()).unwrap_or_default();
        for re in [&*BARE_URL, &*RESOURCE_ID] {
            let found: Vec<Range<usize>> = re.find_iter(&masked).map(|m| m.range()).collect();
            if !found.is_empty() {
                let mut bytes = masked.into_bytes();
                for r in found {
                    blank(&mut bytes, r);
                }
                masked = String::from_utf8(bytes).expect("blanking whole matches keeps UTF-8");
            }
        }
        let section = body.section_at(range.start);
        body.prose.push(ProseBlock {
            kind,
            range,
            masked,
            section,
            in_list_item: in_list,
            folded: OnceLock::new(),
        });
    }
    for (range, content) in c.code {
        let section = body.section_at(range.start);
        body.code_blocks.push(CodeBlock {
            range,
            content,
            section,
        });
    }
    body
}

/// Takes what is pasted rather than written out of a prose block (see [`Body::pasted`]):
/// the runs of log lines of a paragraph, or the whole block when it is over
/// [`PROSE_MAX`]. Returns the prose left, each piece with its own continuation markers.
fn split_pasted(text: &str, p: RawProse, pasted: &mut Vec<Range<usize>>) -> Vec<RawProse> {
    let runs = match p.kind {
        BlockKind::Paragraph => pasted_log::log_runs(text, p.range.clone(), &p.holes),
        _ => Vec::new(),
    };
    if runs.is_empty() && p.range.len() <= PROSE_MAX {
        return vec![p];
    }
    let mut out = Vec::new();
    let mut pos = p.range.start;
    for r in runs
        .iter()
        .cloned()
        .chain(std::iter::once(p.range.end..p.range.end))
    {
        let piece = trim_piece(text, pos..r.start, &p.holes);
        if piece.len() > PROSE_MAX {
            pasted.push(piece);
        } else if !piece.is_empty() {
            let holes = p
                .holes
                .iter()
                .filter(|h| h.start < piece.end && h.end > piece.start)
                .cloned()
                .collect();
            out.push(RawProse {
                kind: p.kind,
                range: piece,
                in_list: p.in_list,
                holes,
            });
        }
        if !r.is_empty() {
            pasted.push(r.clone());
        }
        pos = r.end;
    }
    out
}

/// A log pasted with blank lines between its entries is many short paragraphs: a run
/// of paragraphs made only of log lines, with nothing but blank lines between them and
/// [`pasted_log::MIN_LOG_LINES`] log lines in all, is pasted as one.
fn group_log_paragraphs(text: &str, prose: &mut Vec<RawProse>, pasted: &mut Vec<Range<usize>>) {
    let mut take = vec![false; prose.len()];
    // The open group: index of its first block, its log lines.
    let mut group: Option<(usize, usize)> = None;
    let mut close = |group: Option<(usize, usize)>, end: usize, take: &mut Vec<bool>| {
        if let Some((first, n)) = group {
            if n >= pasted_log::MIN_LOG_LINES {
                take[first..end].iter_mut().for_each(|t| *t = true);
                pasted.push(prose[first].range.start..prose[end - 1].range.end);
            }
        }
    };
    for i in 0..prose.len() {
        let p = &prose[i];
        let lines = match p.kind {
            BlockKind::Paragraph if p.holes.is_empty() => {
                pasted_log::all_log(text, p.range.clone())
            }
            _ => None,
        };
        match (group, lines) {
            (Some((first, n)), Some(m))
                if text
                    .get(prose[i - 1].range.end..p.range.start)
                    .is_some_and(|gap| gap.trim().is_empty()) =>
            {
                group = Some((first, n + m));
            }
            (_, lines) => {
                close(group, i, &mut take);
                group = lines.map(|m| (i, m));
            }
        }
    }
    close(group, prose.len(), &mut take);
    let mut i = 0;
    prose.retain(|_| {
        i += 1;
        !take[i - 1]
    });
}

/// `r` without the blanks and continuation markers at either end.
fn trim_piece(text: &str, r: Range<usize>, holes: &[Range<usize>]) -> Range<usize> {
    let mut r = trim_range(text, r);
    loop {
        let i = holes.partition_point(|h| h.end <= r.start);
        match holes.get(i) {
            Some(h) if h.start <= r.start && h.end > r.start && h.end <= r.end => {
                r = trim_range(text, h.end..r.end);
            }
            _ => break,
        }
    }
    while let Some(h) = holes
        .iter()
        .rev()
        .find(|h| h.start < r.end && h.end >= r.end && h.start >= r.start)
    {
        r = trim_range(text, r.start..h.start);
    }
    r
}

/// `range` without `holes`, as tree-sitter ranges (sorted, not overlapping, not empty).
fn included_ranges(range: Range<usize>, holes: &[Range<usize>]) -> Vec<tree_sitter::Range> {
    let mut out = Vec::new();
    let mut pos = range.start;
    for h in holes {
        let h = h.start.max(range.start)..h.end.min(range.end);
        if h.start > pos {
            out.push(ts_range(pos..h.start));
        }
        pos = pos.max(h.end);
    }
    if range.end > pos {
        out.push(ts_range(pos..range.end));
    }
    out
}

/// Whether `content` holds text other than headings, HTML comments and thematic breaks.
/// Catches content the walk does not classify (HTML blocks, say).
fn visible_text(
    text: &str,
    content: Range<usize>,
    headings: &[Heading],
    invisible: &[Range<usize>],
) -> bool {
    // Both lists are in document order: look only at the part inside `content`.
    let h0 = headings.partition_point(|h| h.range.end <= content.start);
    let i0 = invisible.partition_point(|r| r.end <= content.start);
    let mut skip: Vec<Range<usize>> = headings[h0..]
        .iter()
        .map(|h| h.range.clone())
        .take_while(|r| r.start < content.end)
        .chain(
            invisible[i0..]
                .iter()
                .take_while(|r| r.start < content.end)
                .cloned(),
        )
        .collect();
    skip.sort_by_key(|r| r.start);
    let mut pos = content.start;
    for r in skip {
        if r.start > pos && !text[pos..r.start].trim().is_empty() {
            return true;
        }
        pos = pos.max(r.end);
    }
    pos < content.end && !text[pos..content.end].trim().is_empty()
}

fn ts_range(r: Range<usize>) -> tree_sitter::Range {
    // Points are required by the API but unused for these ranges.
    tree_sitter::Range {
        start_byte: r.start,
        end_byte: r.end,
        start_point: tree_sitter::Point::new(0, 0),
        end_point: tree_sitter::Point::new(0, 0),
    }
}

fn collect_inline(
    node: Node,
    masks: &mut Vec<Range<usize>>,
    links: &mut Vec<(Range<usize>, bool)>,
    html_tags: &mut Vec<Range<usize>>,
) {
    // `$…$` (the grammar's LaTeX extension) is left as prose: in a support request a
    // dollar sign is a price or a PowerShell variable, not mathematics.
    match node.kind() {
        "code_span" | "uri_autolink" | "email_autolink" => {
            masks.push(node.byte_range());
            return;
        }
        "html_tag" => {
            masks.push(node.byte_range());
            html_tags.push(node.byte_range());
            return;
        }
        "link_destination" => {
            let image = node.parent().is_some_and(|p| p.kind() == "image");
            links.push((node.byte_range(), image));
            masks.push(node.byte_range());
            return;
        }
        _ => {}
    }
    let mut cursor = node.walk();
    for child in node.children(&mut cursor) {
        collect_inline(child, masks, links, html_tags);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Source;

    fn body(text: &str) -> Body {
        Source::new(text).body
    }

    /// The masked text of the prose block that starts with `start`.
    fn masked_of(b: &Body, text: &str, start: &str) -> String {
        b.prose
            .iter()
            .find(|p| text[p.range.clone()].starts_with(start))
            .unwrap_or_else(|| panic!("no prose block starting with {start:?}"))
            .masked
            .clone()
    }

    #[test]
    fn sections_run_to_the_next_heading_of_the_same_or_higher_level() {
        let text = "---\nsummary: x\n---\n## ゴール\n復旧したい\n\n## 問題\n本文\n### 詳細\n続き\n## 補足\nおわり\n";
        let b = body(text);
        assert_eq!(b.start, text.find("## ゴール").unwrap());
        let goal = b.section(SectionKind::Goal).unwrap();
        assert_eq!(&text[goal.content.clone()], "\n復旧したい\n\n");
        let problem = b.section(SectionKind::Problem).unwrap();
        assert_eq!(&text[problem.content.clone()], "\n本文\n### 詳細\n続き\n");
        assert!(!goal.empty && !problem.empty);
        // The unknown `## 補足` ends the problem section and opens none.
        assert_eq!(b.sections.len(), 2);
        let at = text.find("おわり").unwrap();
        assert_eq!(b.section_at(at), None);
        assert_eq!(
            b.section_at(text.find("続き").unwrap()),
            Some(SectionKind::Problem)
        );
    }

    #[test]
    fn innermost_known_section_wins() {
        let text = "## Problem\nIt fails.\n### Error messages\n```\nboom\n```\n";
        let b = body(text);
        assert_eq!(b.code_blocks.len(), 1);
        assert_eq!(b.code_blocks[0].section, Some(SectionKind::Errors));
        assert_eq!(&text[b.code_blocks[0].content.clone()], "boom\n");
        let p = &b
            .prose
            .iter()
            .find(|p| p.kind == BlockKind::Paragraph)
            .unwrap();
        assert_eq!(p.section, Some(SectionKind::Problem));
        assert_eq!(b.prose_outside_errors().count(), b.prose.len());
    }

    #[test]
    fn empty_means_nothing_but_headings_comments_and_rules() {
        let text = "## ゴール\n<!-- 何を実現したいか -->\n\n---\n\n## 問題\n### サブ\n\n## 頻度\n### 詳細\n毎回\n## 環境\n<details>\nvm-01\n</details>\n\n## ログ\n";
        let b = body(text);
        let empty = |k| b.section(k).unwrap().empty;
        assert!(
            empty(SectionKind::Goal),
            "a comment and a rule are not content"
        );
        assert!(empty(SectionKind::Problem), "only a sub-heading");
        assert!(
            !empty(SectionKind::Frequency),
            "text under a sub-heading counts"
        );
        assert!(!empty(SectionKind::Environment), "an HTML block is content");
        assert!(empty(SectionKind::Errors), "at the end of the file");
        let text = "## ログ\n    indented code\n";
        assert!(!body(text).section(SectionKind::Errors).unwrap().empty);
    }

    #[test]
    fn setext_headings_have_levels_and_name_sections() {
        let text = "Goal\n====\nrestore\n\nProblem\n-------\nbroken\n";
        let b = body(text);
        assert_eq!(b.headings.len(), 2);
        assert_eq!((b.headings[0].level, b.headings[1].level), (1, 2));
        assert_eq!(&text[b.headings[0].text_range.clone()], "Goal");
        assert_eq!(&text[b.headings[0].range.clone()], "Goal\n====");
        // A level-2 heading does not end a level-1 section.
        let goal = b.section(SectionKind::Goal).unwrap();
        assert_eq!(goal.content.end, text.len());
        assert_eq!(
            b.section_at(text.find("broken").unwrap()),
            Some(SectionKind::Problem)
        );
    }

    #[test]
    fn atx_closing_sequence_is_not_heading_text() {
        let text = "## Goal ##\nx\n## C# ##\n## #\n";
        let b = body(text);
        assert_eq!(&text[b.headings[0].text_range.clone()], "Goal");
        assert_eq!(b.headings[0].section, Some(SectionKind::Goal));
        assert_eq!(&text[b.headings[1].text_range.clone()], "C#");
    }

    #[test]
    fn headings_in_code_are_not_headings() {
        let text = "## 問題\n```\n## ゴール\n```\n";
        let b = body(text);
        assert_eq!(b.headings.len(), 1);
        assert!(!b.has_section(SectionKind::Goal));
    }

    #[test]
    fn code_spans_do_not_pair_across_paragraphs() {
        let text = "a `b and c\n\nd` e エラー\n";
        let b = body(text);
        assert_eq!(masked_of(&b, text, "a "), "a `b and c");
        assert_eq!(masked_of(&b, text, "d`"), "d` e エラー");
    }

    #[test]
    fn masking_blanks_code_urls_resource_ids_tags_and_autolinks() {
        let text = "see `TODO` at https://example.com/TODO and <https://x.y/z> or <a@b.co>, \
                    /subscriptions/6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f/resourceGroups/rg-1 ok<br>\
                    [link](./TODO.md) $rg = 1 $\n";
        let b = body(text);
        let m = &b.prose[0].masked;
        assert_eq!(m.len(), b.prose[0].range.len());
        assert!(!m.contains("TODO"), "{m}");
        assert!(
            !m.contains("example") && !m.contains("a@b") && !m.contains("rg-1"),
            "{m}"
        );
        assert!(!m.contains("<br>"), "{m}");
        assert!(m.contains("[link]") && m.contains("$rg = 1 $"), "{m}");
        assert_eq!(b.links.len(), 1);
        assert_eq!(&text[b.links[0].0.clone()], "./TODO.md");
        assert_eq!(b.html_tags.len(), 1);
        assert_eq!(&text[b.html_tags[0].clone()], "<br>");
    }

    #[test]
    fn urls_and_resource_ids_end_before_japanese_text() {
        let text = "https://example.com/docsを参照し、/subscriptions/6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm-web-01へ接続（https://x.jp/a）。\n";
        let b = body(text);
        let m = &b.prose[0].masked;
        assert!(
            m.contains("を参照し、") && m.contains("へ接続（") && m.contains("）。"),
            "{m}"
        );
        assert!(
            !m.contains("example") && !m.contains("vm-web") && !m.contains("x.jp"),
            "{m}"
        );
    }

    #[test]
    fn block_quotes_and_lists_keep_offsets_and_drop_markers() {
        let text =
            "> 引用 `a\n> b` です\n\n- 項目 <x>\n  続き\n\n| 列 | `c` |\n|---|---|\n| 値 | d |\n";
        let b = body(text);
        let quote = masked_of(&b, text, "引用");
        assert_eq!(quote, "引用   \n     です");
        let item = b.prose.iter().find(|p| p.in_list_item).unwrap();
        assert_eq!(&text[item.range.clone()], "項目 <x>\n  続き");
        let cells: Vec<&str> = b
            .prose
            .iter()
            .filter(|p| p.kind == BlockKind::TableCell)
            .map(|p| p.masked.as_str())
            .collect();
        assert_eq!(cells, ["列", "   ", "値", "d"]);
        for p in &b.prose {
            assert_eq!(p.masked.len(), p.range.len());
        }
    }

    #[test]
    fn html_comments_and_blocks_are_not_prose() {
        let text = "<!-- TODO -->\n\ntext <!-- note --> after\n";
        let b = body(text);
        assert_eq!(b.prose.len(), 1);
        assert!(!b.prose[0].masked.contains("note"));
        assert_eq!(&text[b.html_tags[0].clone()], "<!-- note -->");
    }

    fn log(n: usize) -> String {
        (0..n)
            .map(|i| format!("2026-11-20T05:12:{i:02}Z INFO [w-1] `a` TODO path=/api status=200\n"))
            .collect()
    }

    #[test]
    fn an_unfenced_log_is_pasted_not_prose() {
        let log = log(12);
        let text = format!(
            "## 問題\n接続できません。\n{log}再起動後も同じです。\n\n## ログ\n\n{log}\n> {}",
            log.replace('\n', "\n> ")
        );
        let b = body(&text);
        let pasted: Vec<&str> = b.pasted.iter().map(|r| &text[r.clone()]).collect();
        let quoted = log.trim_end().replace('\n', "\n> ");
        assert_eq!(pasted, [log.trim_end(), log.trim_end(), &quoted]);
        let prose: Vec<&str> = b
            .prose
            .iter()
            .filter(|p| p.kind == BlockKind::Paragraph)
            .map(|p| &text[p.range.clone()])
            .collect();
        assert_eq!(prose, ["接続できません。", "再起動後も同じです。"]);
        assert!(!b.section(SectionKind::Errors).unwrap().empty);
        // Nothing of a log is parsed for inline content.
        assert!(b.links.is_empty() && b.html_tags.is_empty());
    }

    #[test]
    fn a_log_with_blank_lines_between_entries_is_pasted_as_one() {
        let entries = log(12).replace('\n', "\n\n");
        let text = format!("## ログ\n{entries}後文です。\n\n{}", log(3));
        let b = body(&text);
        let pasted: Vec<&str> = b.pasted.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(pasted, [entries.trim_end()]);
        let prose: Vec<&str> = b.prose.iter().map(|p| &text[p.range.clone()]).collect();
        assert_eq!(prose[1], "後文です。");
        assert_eq!(prose.len(), 3, "{prose:?}");
    }

    #[test]
    fn short_dated_lines_and_long_paragraphs_stay_prose() {
        // A hand-written timeline of nine dated lines is prose.
        let text = format!("## 頻度\n毎日です。\n{}", log(9));
        let b = body(&text);
        assert!(b.pasted.is_empty());
        assert_eq!(b.prose[1].range.end, text.len() - 1);
        // So is a long written paragraph (80 KB), dates and all.
        let text = "2026-11-20 に再起動しましたが、接続できない状態が続いています。\n".repeat(800);
        let b = body(&text);
        assert!(b.pasted.is_empty());
        assert_eq!(b.prose.len(), 1);
        assert_eq!(b.prose[0].range, 0..text.len() - 1);
    }

    #[test]
    fn a_block_over_the_bound_is_pasted() {
        let text = format!(
            "前文\n\n{}\n\n後文 `x`\n",
            "word ".repeat(PROSE_MAX / 5 + 2)
        );
        let b = body(&text);
        assert_eq!(b.pasted.len(), 1);
        assert_eq!(b.pasted[0].len(), (PROSE_MAX / 5 + 2) * 5 - 1);
        let prose: Vec<&str> = b.prose.iter().map(|p| p.masked.as_str()).collect();
        assert_eq!(prose, ["前文", "後文    "]);
    }

    #[test]
    fn nothing_of_the_front_matter_is_body() {
        let text = "---\nsummary: Goal\n---\n";
        let b = body(text);
        assert!(b.headings.is_empty() && b.prose.is_empty());
        let b = body("---\nsummary: x\n");
        assert!(b.headings.is_empty() && b.prose.is_empty());
        let b = body("");
        assert!(b.sections.is_empty());
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "#",
            "## ",
            "> ",
            "- ",
            "|",
            "```",
            "\r\n## ゴール\r\n\r\n",
            "<!--",
            "## ゴール\n<!-- a --> b\n",
            "\u{feff}## 問題\n",
            "😀`😀\n\n😀`",
        ] {
            let b = body(text);
            for p in &b.prose {
                assert_eq!(p.masked.len(), p.range.len(), "{text:?}");
            }
        }
        // Logs in containers, with CRLF, lone CR and blank lines between entries.
        let line = "2026-11-20 05:12:44 INFO a `b` <c> [d](e)";
        for (sep, prefix) in [
            ("\n", "- "),
            ("\n", "> "),
            ("\r\n", ""),
            ("\r", ""),
            ("\n\n", ""),
            ("\n", "| "),
            ("\n", "  "),
        ] {
            let text = format!("前\n{}後", format!("{prefix}{line}{sep}").repeat(12));
            let b = body(&text);
            for p in &b.prose {
                assert_eq!(p.masked.len(), p.range.len(), "{text:?}");
                assert!(text.get(p.range.clone()).is_some());
            }
            for r in &b.pasted {
                assert!(
                    text.get(r.clone()).is_some_and(|t| t.contains("INFO")),
                    "{text:?}"
                );
            }
        }
    }

    mod model_prop {
        use super::*;
        use proptest::prelude::*;

        const PIECES: &[&str] = &[
            "# ",
            "## ",
            "### ",
            "#### ",
            "ゴール",
            "問題",
            "ログ",
            "Steps to reproduce",
            "補足",
            "text",
            "\n",
            "\n\n",
            "```\n",
            "<!-- c -->",
            "---\n",
            "====\n",
            "> ",
            "- ",
            "`",
            "|a|\n|-|\n",
            "    ",
            "日本語",
            // Ten log lines: a pasted log, alone or with the pieces around it.
            "2026-11-20 05:12:44 INFO [a] `b`\n2026-11-20 05:12:45 INFO c\n2026-11-20 05:12:46 INFO d\n\
             2026-11-20 05:12:47 INFO e\n2026-11-20 05:12:48 INFO f\n2026-11-20 05:12:49 INFO g\n\
             2026-11-20 05:12:50 INFO h\n2026-11-20 05:12:51 INFO i\n2026-11-20 05:12:52 INFO j\n\
             2026-11-20 05:12:53 INFO k",
        ];

        proptest! {
            #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]
            #[test]
            fn sections_match_their_definition(
                parts in prop::collection::vec(prop::sample::select(PIECES), 0..30)
            ) {
                let text: String = parts.concat();
                let b = body(&text);
                for s in &b.sections {
                    let h = &b.headings[s.heading];
                    let i = s.heading;
                    let end = b.headings[i + 1..]
                        .iter()
                        .find(|n| n.level <= h.level)
                        .map_or(text.len(), |n| n.range.start);
                    prop_assert_eq!(s.content.end, end);
                }
                for o in 0..=text.len() {
                    let brute = b
                        .sections
                        .iter()
                        .filter(|s| s.content.start <= o && o < s.content.end)
                        .max_by_key(|s| b.headings[s.heading].level)
                        .map(|s| s.kind);
                    prop_assert_eq!(b.section_at(o), brute, "offset {}", o);
                }
                for p in &b.prose {
                    prop_assert_eq!(p.masked.len(), p.range.len());
                    // No prose block overlaps pasted text.
                    for r in &b.pasted {
                        prop_assert!(p.range.end <= r.start || r.end <= p.range.start);
                    }
                }
                for w in b.pasted.windows(2) {
                    prop_assert!(w[0].end <= w[1].start);
                }
            }
        }
    }
}
