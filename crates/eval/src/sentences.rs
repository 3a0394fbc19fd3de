//! Sentence splitting scorer.
//!
//! Two references:
//! - **UD CoNLL-U** (EWT): the raw text is rebuilt from the `# text =` lines,
//!   sentences joined by a space within a paragraph and by a blank line at
//!   `# newpar`/`# newdoc` (as UD's raw `.txt` files lay it out);
//! - **CoreNLP CoNLL-U with `Char=start-end`** (PolNeAR silver): sentences
//!   are the extents of their tokens' offsets into the article text, one
//!   article per `# newdoc id = NAME`.
//!
//! A predicted sentence is correct when its span, trimmed of whitespace,
//! equals a reference sentence's: precision, recall and F1 over sentences.

use crate::ner::Prf;
use whosaid_core::Span;

/// One document's text and reference sentence spans (code points).
pub struct Reference {
    pub name: String,
    pub text: String,
    pub sentences: Vec<Span>,
}

/// `span` without leading/trailing whitespace of `chars`.
fn trim(chars: &[char], span: Span) -> Span {
    let (mut s, mut e) = (span.start as usize, (span.end as usize).min(chars.len()));
    while s < e && chars[s].is_whitespace() {
        s += 1;
    }
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    Span::new(s as u32, e as u32)
}

/// Scores predicted sentence spans against reference spans over `text`.
pub fn score(text: &str, gold: &[Span], pred: &[Span]) -> Prf {
    let chars: Vec<char> = text.chars().collect();
    let mut g: Vec<Span> = gold
        .iter()
        .map(|s| trim(&chars, *s))
        .filter(|s| !s.is_empty())
        .collect();
    let mut p: Vec<Span> = pred
        .iter()
        .map(|s| trim(&chars, *s))
        .filter(|s| !s.is_empty())
        .collect();
    g.sort();
    g.dedup();
    p.sort();
    p.dedup();
    let correct = p.iter().filter(|s| g.binary_search(s).is_ok()).count();
    Prf {
        tp: correct,
        pred: p.len(),
        gold: g.len(),
    }
}

/// Reference sentences cut further at blank lines: CoreNLP's default
/// splitter joins a paragraph-final "He said:" with the quotation of the
/// next paragraph; a paragraph break always ends a sentence for whosaid.
pub fn split_at_paragraphs(text: &str, sentences: &[Span]) -> Vec<Span> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(sentences.len());
    for s in sentences {
        let mut start = s.start as usize;
        let end = (s.end as usize).min(chars.len());
        let mut i = start;
        while i + 1 < end {
            if chars[i] == '\n'
                && chars[i + 1..end]
                    .iter()
                    .take_while(|c| c.is_whitespace())
                    .any(|c| *c == '\n')
            {
                out.push(Span::new(start as u32, i as u32));
                while i < end && chars[i].is_whitespace() {
                    i += 1;
                }
                start = i;
                continue;
            }
            i += 1;
        }
        out.push(Span::new(start as u32, end as u32));
    }
    out
}

/// Documents rebuilt from UD CoNLL-U `# text =` lines.
pub fn ud_references(conllu: &str) -> Vec<Reference> {
    let mut out: Vec<Reference> = Vec::new();
    let mut cur = Reference {
        name: String::new(),
        text: String::new(),
        sentences: Vec::new(),
    };
    let mut len = 0u32;
    let mut new_par = false;
    for line in conllu.lines() {
        if let Some(id) = line.strip_prefix("# newdoc id = ") {
            if !cur.sentences.is_empty() {
                out.push(std::mem::replace(
                    &mut cur,
                    Reference {
                        name: String::new(),
                        text: String::new(),
                        sentences: Vec::new(),
                    },
                ));
                len = 0;
            }
            cur.name = id.trim().to_string();
            new_par = true;
        } else if line.starts_with("# newpar") {
            new_par = true;
        } else if let Some(t) = line.strip_prefix("# text = ") {
            if !cur.text.is_empty() {
                let sep = if new_par { "\n\n" } else { " " };
                cur.text.push_str(sep);
                len += sep.len() as u32;
            }
            new_par = false;
            let n = t.chars().count() as u32;
            cur.text.push_str(t);
            cur.sentences.push(Span::new(len, len + n));
            len += n;
        }
    }
    if !cur.sentences.is_empty() {
        out.push(cur);
    }
    out
}

/// Reference sentences per article from CoreNLP-style CoNLL-U whose MISC
/// column carries `Char=start-end`: (article name, spans).
pub fn char_offset_sentences(conllu: &str) -> Vec<(String, Vec<Span>)> {
    let mut out: Vec<(String, Vec<Span>)> = Vec::new();
    let mut sent: Option<Span> = None;
    let flush = |sent: &mut Option<Span>, out: &mut Vec<(String, Vec<Span>)>| {
        if let (Some(s), Some(last)) = (sent.take(), out.last_mut()) {
            last.1.push(s);
        }
    };
    for line in conllu.lines() {
        if let Some(name) = line.strip_prefix("# newdoc id = ") {
            flush(&mut sent, &mut out);
            out.push((name.trim().to_string(), Vec::new()));
            continue;
        }
        if line.trim().is_empty() {
            flush(&mut sent, &mut out);
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let Some(misc) = line.split('\t').nth(9) else {
            continue;
        };
        let Some(range) = misc.split('|').find_map(|kv| kv.strip_prefix("Char=")) else {
            continue;
        };
        let mut it = range.split('-').map(|x| x.parse::<u32>());
        if let (Some(Ok(a)), Some(Ok(b))) = (it.next(), it.next()) {
            sent = Some(match sent {
                Some(s) => s.cover(&Span::new(a, b)),
                None => Span::new(a, b),
            });
        }
    }
    flush(&mut sent, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rebuilds_ud_text_and_scores() {
        let conllu = "# newdoc id = d1\n# newpar\n# text = Hello there.\n1\tHello\n\n# text = Bye.\n1\tBye\n\n# newpar\n# text = New one.\n1\tNew\n";
        let refs = ud_references(conllu);
        assert_eq!(refs.len(), 1);
        assert_eq!(refs[0].text, "Hello there. Bye.\n\nNew one.");
        assert_eq!(
            refs[0].sentences,
            vec![Span::new(0, 12), Span::new(13, 17), Span::new(19, 27)]
        );
        let pred = [Span::new(0, 17), Span::new(19, 28)];
        let s = score(&refs[0].text, &refs[0].sentences, &pred);
        assert_eq!((s.tp, s.pred, s.gold), (1, 2, 3));
    }

    #[test]
    fn cuts_at_blank_lines() {
        let text = "He said:\n\n\"Yes.\" Then";
        let cut = split_at_paragraphs(text, &[Span::new(0, 16), Span::new(17, 21)]);
        assert_eq!(
            cut,
            vec![Span::new(0, 8), Span::new(10, 16), Span::new(17, 21)]
        );
    }

    #[test]
    fn reads_char_offsets() {
        let conllu = "# newdoc id = a\n1\tX\t_\t_\tNN\t_\t0\troot\t_\tNER=O|Char=0-3\n2\t.\t_\t_\t.\t_\t1\tpunct\t_\tChar=3-4\n\n1\tY\t_\t_\tNN\t_\t0\troot\t_\tChar=5-6\n";
        let refs = char_offset_sentences(conllu);
        assert_eq!(
            refs,
            vec![("a".to_string(), vec![Span::new(0, 4), Span::new(5, 6)])]
        );
    }
}
