//! The body as rules see it: headings, sections, code blocks, and prose with
//! everything that is not prose masked out.
//!
//! Prose blocks carry a `masked` copy of their text of the same byte length, in which
//! code spans, autolinks, link destinations, HTML tags, bare URLs and ARM resource IDs
//! are blanked with spaces. Text rules search `masked` and report offsets into the
//! document directly. Inline content is parsed fresh on every analysis (old inline
//! trees are not reused: tree-sitter issue 5636).

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use tree_sitter::{Node, Parser, Tree};

use crate::sections::{section_of_heading, SectionKind};

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
    /// Nothing but headings (and blank lines) under it.
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
        self.sections
            .iter()
            .filter(|s| s.content.start <= offset && offset < s.content.end)
            .max_by_key(|s| self.headings[s.heading].level)
            .map(|s| s.kind)
    }

    /// Prose blocks outside the `errors` section.
    pub fn prose_outside_errors(&self) -> impl Iterator<Item = &ProseBlock> {
        self.prose
            .iter()
            .filter(|b| b.section != Some(SectionKind::Errors))
    }
}

static BARE_URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:https?|ftp|file)://[^\s<>()\[\]）」]+").unwrap());
static RESOURCE_ID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)/subscriptions/[0-9a-f-]{8,}(?:/[^\s/`'\x22<>()]+)*").unwrap()
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

struct Collect<'a> {
    text: &'a str,
    headings: Vec<Heading>,
    prose: Vec<(BlockKind, Range<usize>, bool)>,
    code: Vec<(Range<usize>, Range<usize>)>,
}

impl Collect<'_> {
    fn walk(&mut self, node: Node, in_list: bool, body_start: usize) {
        if node.end_byte() <= body_start {
            return;
        }
        match node.kind() {
            "minus_metadata" | "plus_metadata" | "html_block" | "link_reference_definition" => {}
            "fenced_code_block" | "indented_code_block" => {
                let content = (0..node.child_count())
                    .filter_map(|i| node.child(i as u32))
                    .find(|c| c.kind() == "code_fence_content")
                    .map(|c| c.byte_range())
                    .unwrap_or_else(|| node.byte_range());
                self.code.push((node.byte_range(), content));
            }
            "atx_heading" | "setext_heading" => {
                let level = heading_level(node);
                let text_range = (0..node.child_count())
                    .filter_map(|i| node.child(i as u32))
                    .find(|c| c.kind() == "inline" || c.kind() == "paragraph")
                    .map(|c| trim_range(self.text, c.byte_range()))
                    .unwrap_or(node.end_byte()..node.end_byte());
                let section = section_of_heading(&self.text[text_range.clone()]);
                self.headings.push(Heading {
                    level,
                    range: trim_range(self.text, node.byte_range()),
                    text_range: text_range.clone(),
                    section,
                });
                if !text_range.is_empty() {
                    self.prose.push((BlockKind::Heading, text_range, in_list));
                }
            }
            "paragraph" => {
                for i in 0..node.child_count() {
                    if let Some(c) = node.child(i as u32) {
                        if c.kind() == "inline" {
                            self.prose
                                .push((BlockKind::Paragraph, c.byte_range(), in_list));
                        }
                    }
                }
            }
            "pipe_table_cell" => {
                let r = trim_range(self.text, node.byte_range());
                if !r.is_empty() {
                    self.prose.push((BlockKind::TableCell, r, in_list));
                }
            }
            kind => {
                let in_list = in_list || kind == "list_item";
                let mut cursor = node.walk();
                for child in node.children(&mut cursor) {
                    self.walk(child, in_list, body_start);
                }
            }
        }
    }
}

fn heading_level(node: Node) -> u8 {
    for i in 0..node.child_count() {
        if let Some(c) = node.child(i as u32) {
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
    };
    c.walk(tree.root_node(), false, body_start);
    c.headings.retain(|h| h.range.start >= body_start);
    c.prose.retain(|(_, r, _)| r.start >= body_start);
    c.code.retain(|(r, _)| r.start >= body_start);

    // Sections run to the next heading of the same or a higher level.
    let mut sections = Vec::new();
    for (i, h) in c.headings.iter().enumerate() {
        let Some(kind) = h.section else { continue };
        let end = c.headings[i + 1..]
            .iter()
            .find(|n| n.level <= h.level)
            .map_or(text.len(), |n| n.range.start);
        let content = h.range.end.min(end)..end;
        let has_content = c.prose.iter().any(|(k, r, _)| {
            *k != BlockKind::Heading && r.start >= content.start && r.start < content.end
        }) || c
            .code
            .iter()
            .any(|(r, _)| r.start >= content.start && r.start < content.end)
            || non_heading_text(text, content.clone(), &c.headings);
        sections.push(Section {
            kind,
            heading: i,
            content,
            empty: !has_content,
        });
    }

    // Mask inline non-prose with one inline parse over every prose range.
    let mut links = Vec::new();
    let mut masked_all: Vec<u8> = Vec::new();
    let ranges: Vec<tree_sitter::Range> = c
        .prose
        .iter()
        .map(|(_, r, _)| ts_range(r.clone()))
        .collect();
    let mut masks: Vec<Range<usize>> = Vec::new();
    if !ranges.is_empty() {
        let mut parser = inline_parser();
        if parser.set_included_ranges(&ranges).is_ok() {
            if let Some(tree) = parser.parse(text, None) {
                collect_inline(tree.root_node(), &mut masks, &mut links);
            }
        }
    }
    masks.sort_by_key(|r| r.start);
    let mut body = Body {
        start: body_start,
        headings: c.headings,
        sections,
        prose: Vec::new(),
        code_blocks: Vec::new(),
        links,
    };
    for (kind, range, in_list) in c.prose {
        masked_all.clear();
        masked_all.extend_from_slice(&text.as_bytes()[range.clone()]);
        let lo = masks.partition_point(|m| m.end <= range.start);
        for m in masks[lo..].iter().take_while(|m| m.start < range.end) {
            let s = m.start.max(range.start) - range.start;
            let e = m.end.min(range.end) - range.start;
            blank(&mut masked_all, s..e);
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

fn non_heading_text(text: &str, content: Range<usize>, headings: &[Heading]) -> bool {
    // Catches content the walk does not classify (HTML blocks, thematic breaks with text).
    let mut pos = content.start;
    for h in headings
        .iter()
        .filter(|h| h.range.start >= content.start && h.range.start < content.end)
    {
        if !text[pos..h.range.start].trim().is_empty() {
            return true;
        }
        pos = h.range.end.max(pos);
    }
    !text[pos.min(content.end)..content.end].trim().is_empty()
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
) {
    match node.kind() {
        "code_span" | "uri_autolink" | "email_autolink" | "html_tag" | "latex_block" => {
            masks.push(node.byte_range());
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
        collect_inline(child, masks, links);
    }
}
