//! Text made of news's awkward pieces in random order (curly and straight
//! quotes, brackets, dashes, abbreviations, URLs, line breaks, speech
//! verbs) goes through the whole pipeline: no error, no runaway, every span
//! inside the text and every tree a tree. Random order finds what real
//! text rarely does: it caught a cycle in the parser's punctuation pass.

use whosaid::core::{Document, Span};

const PIECES: &[&str] = &[
    "said",
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    "(",
    ")",
    "[",
    "]",
    "—",
    "-",
    ".",
    ",",
    ":",
    ";",
    "?",
    "!",
    "…",
    "he",
    "she",
    "no",
    "yes",
    "The",
    "Trump",
    "NBC",
    "according",
    "to",
    "officials",
    "believe",
    "that",
    "Mr.",
    "U.S.",
    "“no”",
    "\n",
    "\n\n",
    "told",
    "reporters",
    "\"Yes,\"",
    "he added",
    "Sen.",
    "2016",
    "e-mail",
    "@user",
    "http://x.y/z",
    "#tag",
    "**",
    "--",
    "...",
    "she said.",
    "“We",
    "will",
    "win,”",
    "Nov. 14",
    "did not respond",
    "denied",
    "likely",
];

/// xorshift64*: deterministic, no dependency.
fn next(state: &mut u64) -> u64 {
    *state ^= *state >> 12;
    *state ^= *state << 25;
    *state ^= *state >> 27;
    state.wrapping_mul(0x2545_f491_4f6c_dd1d)
}

fn inside(s: Span, chars: usize) -> bool {
    s.start <= s.end && s.end as usize <= chars
}

#[test]
fn random_news_pieces_go_through_the_pipeline() {
    let mut state = 0x5eed_u64;
    let mut docs: Vec<Document> = (0..300)
        .map(|_| {
            let words = [5, 20, 100, 400, 2000][next(&mut state) as usize % 5];
            let text: Vec<&str> = (0..words)
                .map(|_| PIECES[next(&mut state) as usize % PIECES.len()])
                .collect();
            Document::new(text.join(" "))
        })
        .collect();
    let engine = whosaid::Engine::english().expect("embedded models load");
    let results = engine.analyze_batch(&mut docs, None);
    for (doc, result) in docs.iter().zip(results) {
        result.unwrap_or_else(|e| panic!("{e} on {:?}", doc.text));
        let chars = doc.text.chars().count();
        for t in &doc.tokens {
            assert!(inside(t.span, chars));
        }
        // Heads stay inside their sentence and lead to its root.
        for s in &doc.sentences {
            let [a, b] = s.tokens;
            for i in a..b {
                let mut k = i;
                for _ in a..=b {
                    match doc.tokens[k as usize].head {
                        Some(h) => {
                            assert!((a..b).contains(&h), "head outside the sentence");
                            k = h;
                        }
                        None => break,
                    }
                }
                assert!(
                    doc.tokens[k as usize].head.is_none(),
                    "cycle in {:?}",
                    doc.text
                );
            }
        }
        for at in &doc.attributions {
            for r in [Some(&at.cue), at.source.as_ref(), at.content.as_ref()]
                .into_iter()
                .flatten()
            {
                assert!(r.parts().iter().all(|s| inside(*s, chars)));
            }
        }
    }
}
