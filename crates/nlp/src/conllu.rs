//! CoNLL-U reading shared by the tagger's and the parser's training readers:
//! the file cut into sentence blocks, each with its comment lines and its
//! word lines split into columns.

/// One sentence of a CoNLL-U file.
#[derive(Debug, Default)]
pub struct Block<'a> {
    /// The `#` lines before the words (`# newdoc id = …`, `# text = …`).
    pub comments: Vec<&'a str>,
    /// One entry per word line with an integer ID, split at tabs, in order.
    /// Multiword-token ranges (`3-4`) and empty nodes (`5.1`) are left out:
    /// the tagger and the parser see syntactic words only.
    pub words: Vec<Vec<&'a str>>,
}

/// The sentences of `text`, split at blank lines. A block without words
/// passes its comments on to the next one (a `# newdoc` line stays with
/// the document's first sentence). Rows with fewer than `min_columns`
/// columns are skipped, so callers may index up to `min_columns - 1`.
pub fn blocks(text: &str, min_columns: usize) -> impl Iterator<Item = Block<'_>> {
    let mut lines = text.lines().peekable();
    std::iter::from_fn(move || {
        let mut block = Block::default();
        loop {
            lines.peek()?;
            for line in lines.by_ref() {
                if line.trim().is_empty() {
                    break;
                }
                if line.starts_with('#') {
                    block.comments.push(line);
                    continue;
                }
                let cols: Vec<&str> = line.split('\t').collect();
                if cols.len() >= min_columns && cols[0].bytes().all(|b| b.is_ascii_digit()) {
                    block.words.push(cols);
                }
            }
            if !block.words.is_empty() {
                return Some(block);
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_keep_comments_and_skip_ranges_and_empty_nodes() {
        let text = "# newdoc id = a\n# text = Don't go\n1-2\tDon't\t_\n1\tDo\tdo\tAUX\tVBP\n\
                    2\tn't\tnot\tPART\tRB\n2.1\tx\tx\tX\tXX\n3\tgo\tgo\tVERB\tVB\n\n\n\
                    # comment only\n\n1\tHi\thi\tINTJ\tUH\n4\tshort\n";
        let blocks: Vec<Block> = blocks(text, 5).collect();
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].comments, ["# newdoc id = a", "# text = Don't go"]);
        let forms: Vec<&str> = blocks[0].words.iter().map(|c| c[1]).collect();
        assert_eq!(forms, ["Do", "n't", "go"]);
        // The comment-only block's line moves to the next; the short row is dropped.
        assert_eq!(blocks[1].comments, ["# comment only"]);
        assert_eq!(blocks[1].words.len(), 1);
        assert_eq!(blocks[1].words[0][3], "INTJ");
    }

    #[test]
    fn empty_and_blank_input_give_no_blocks() {
        assert_eq!(blocks("", 1).count(), 0);
        assert_eq!(blocks("\n\n  \n", 1).count(), 0);
    }
}
