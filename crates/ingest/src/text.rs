//! Small text helpers shared by the readers.

use dom_query::{Document, NodeRef};

/// Collapses runs of whitespace to one space and trims.
pub(crate) fn clean_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "blockquote"
            | "pre"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "figure"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "hr"
    )
}

/// Text of an HTML fragment: tags removed, entities decoded, one paragraph
/// per block element ("\n\n" between paragraphs), whitespace collapsed.
pub(crate) fn html_to_text(html: &str) -> String {
    let doc = Document::fragment(html);
    let mut raw = String::new();
    // Iterative walk: fragments can nest deeply.
    enum Step<'a> {
        Enter(NodeRef<'a>),
        Exit(bool),
    }
    let mut stack = vec![Step::Enter(doc.root())];
    while let Some(step) = stack.pop() {
        match step {
            Step::Exit(block) => {
                if block {
                    raw.push_str("\n\n");
                }
            }
            Step::Enter(n) => {
                if n.is_text() {
                    raw.push_str(&n.text());
                    continue;
                }
                if !n.is_element() && !n.is_document() && !n.is_fragment() {
                    continue;
                }
                let name = n
                    .node_name()
                    .map(|s| s.to_ascii_lowercase())
                    .unwrap_or_default();
                if matches!(
                    name.as_str(),
                    "script" | "style" | "noscript" | "template" | "head" | "title"
                ) {
                    continue;
                }
                if name == "br" {
                    raw.push('\n');
                    continue;
                }
                let block = is_block(&name);
                if block {
                    raw.push_str("\n\n");
                }
                stack.push(Step::Exit(block));
                let mut children = Vec::new();
                let mut c = n.first_child();
                while let Some(ch) = c {
                    c = ch.next_sibling();
                    children.push(ch);
                }
                for ch in children.into_iter().rev() {
                    stack.push(Step::Enter(ch));
                }
            }
        }
    }
    raw.split("\n\n")
        .map(clean_ws)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_to_text_keeps_paragraphs_and_decodes_entities() {
        let t = html_to_text(
            "<p>One &amp; <b>two</b></p><div>Three<br>four</div><script>x()</script>  five",
        );
        assert_eq!(t, "One & two\n\nThree four\n\nfive");
        assert_eq!(html_to_text("plain &lt;text&gt;"), "plain <text>");
        assert_eq!(html_to_text(""), "");
    }
}
