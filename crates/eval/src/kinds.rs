//! Scorer: source kinds. Reads GUM CoNLL-U with gold `Entity=` brackets and
//! measures how the source-kind rules type the subjects of verbs: every gold
//! mention that is not a pronoun and whose head the pipeline's parse makes a
//! subject (`nsubj`, `nsubj:pass`) is typed as if it were an attribution's
//! source, and compared with GUM's entity type.
//!
//! GUM types every mention (person, organization, place, and things: object,
//! abstract, event, time, substance, animal, plant); whosaid's kinds are
//! coarser and answer another question (who speaks), so both sides are
//! mapped to four classes before comparing:
//!
//! | GUM type | counts as right |
//! |---|---|
//! | person | person (person, anonymous, pronoun) or group |
//! | organization | organization (organization, media) or group |
//! | place | organization (a country acting) or other |
//! | anything else | other (document, other) |

use crate::coref::GoldDoc;
use whosaid_core::{DepRel, Document, SourceKind, Span};

/// The coarse classes compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    Person,
    Group,
    Organization,
    Place,
    Other,
}

impl Class {
    pub const ALL: [Class; 5] = [
        Class::Person,
        Class::Group,
        Class::Organization,
        Class::Place,
        Class::Other,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Class::Person => "person",
            Class::Group => "group",
            Class::Organization => "organization",
            Class::Place => "place",
            Class::Other => "other",
        }
    }

    /// GUM's entity type, coarsened.
    pub fn of_gold(etype: &str) -> Class {
        match etype {
            "person" => Class::Person,
            "organization" => Class::Organization,
            "place" => Class::Place,
            _ => Class::Other,
        }
    }

    /// whosaid's source kind, coarsened.
    pub fn of_kind(kind: SourceKind) -> Class {
        match kind {
            SourceKind::Person | SourceKind::Anonymous | SourceKind::Pronoun => Class::Person,
            SourceKind::Group => Class::Group,
            SourceKind::Organization | SourceKind::Media => Class::Organization,
            SourceKind::Document | SourceKind::Other => Class::Other,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Whether a predicted class is right for a gold one (see the module table).
pub fn accepts(gold: Class, pred: Class) -> bool {
    match gold {
        Class::Person => matches!(pred, Class::Person | Class::Group),
        Class::Organization => matches!(pred, Class::Organization | Class::Group),
        Class::Place => matches!(pred, Class::Organization | Class::Other),
        Class::Group | Class::Other => pred == gold,
    }
}

/// One typed subject.
#[derive(Debug, Clone)]
pub struct Decision {
    pub text: String,
    pub etype: String,
    pub kind: SourceKind,
}

impl Decision {
    pub fn correct(&self) -> bool {
        accepts(Class::of_gold(&self.etype), Class::of_kind(self.kind))
    }
}

/// Counts by gold class (rows) and predicted class (columns).
#[derive(Debug, Clone, Default)]
pub struct Confusion {
    pub counts: [[usize; 5]; 5],
}

impl Confusion {
    pub fn add(&mut self, d: &Decision) {
        let g = Class::of_gold(&d.etype).index();
        let p = Class::of_kind(d.kind).index();
        self.counts[g][p] += 1;
    }

    pub fn merge(&mut self, other: &Confusion) {
        for (row, o) in self.counts.iter_mut().zip(&other.counts) {
            for (c, x) in row.iter_mut().zip(o) {
                *c += x;
            }
        }
    }

    pub fn total(&self) -> usize {
        self.counts.iter().flatten().sum()
    }

    pub fn correct(&self) -> usize {
        let mut n = 0;
        for g in Class::ALL {
            for p in Class::ALL {
                if accepts(g, p) {
                    n += self.counts[g.index()][p.index()];
                }
            }
        }
        n
    }

    pub fn accuracy(&self) -> f64 {
        let t = self.total();
        if t == 0 {
            0.0
        } else {
            self.correct() as f64 / t as f64
        }
    }

    /// Of the subjects typed as persons, the share GUM calls persons.
    pub fn person_precision(&self) -> f64 {
        let col: usize = self.counts.iter().map(|r| r[Class::Person.index()]).sum();
        if col == 0 {
            0.0
        } else {
            self.counts[Class::Person.index()][Class::Person.index()] as f64 / col as f64
        }
    }

    /// A plain-text table: gold classes down, predicted across.
    pub fn to_table(&self) -> String {
        let mut out = String::from("gold \\ whosaid");
        let shown = [
            Class::Person,
            Class::Group,
            Class::Organization,
            Class::Other,
        ];
        for p in shown {
            out.push_str(&format!("\t{}", p.name()));
        }
        out.push('\n');
        for g in [
            Class::Person,
            Class::Organization,
            Class::Place,
            Class::Other,
        ] {
            out.push_str(g.name());
            for p in shown {
                out.push_str(&format!("\t{}", self.counts[g.index()][p.index()]));
            }
            out.push('\n');
        }
        out
    }
}

/// Types every non-pronoun gold mention that heads a subject in `doc` (the
/// gold document's tokens, tagged, parsed and entity-annotated by the
/// pipeline) with `kind_of`.
pub fn decisions(
    gold: &GoldDoc,
    doc: &Document,
    kind_of: impl Fn(&Document, Span) -> SourceKind,
) -> Vec<Decision> {
    let mut out = Vec::new();
    for m in &gold.mentions {
        if m.start >= m.end || m.end > doc.tokens.len() {
            continue;
        }
        let pronoun = gold.upos[m.start..m.end]
            .iter()
            .all(|u| matches!(u.as_str(), "PRON" | "DET" | "PUNCT"));
        if pronoun {
            continue;
        }
        let inside = |h: Option<u32>| h.is_some_and(|h| (m.start..m.end).contains(&(h as usize)));
        let Some(head) = (m.start..m.end).find(|&t| !inside(doc.tokens[t].head)) else {
            continue;
        };
        if !matches!(doc.tokens[head].deprel, DepRel::Nsubj | DepRel::NsubjPass) {
            continue;
        }
        let span = Span::new(
            doc.tokens[m.start].span.start,
            doc.tokens[m.end - 1].span.end,
        );
        out.push(Decision {
            text: doc.slice(span).to_string(),
            etype: m.etype.clone(),
            kind: kind_of(doc, span),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_map_as_documented() {
        let right = |gold: &str, kind| accepts(Class::of_gold(gold), Class::of_kind(kind));
        assert!(right("person", SourceKind::Anonymous));
        assert!(right("person", SourceKind::Group));
        assert!(!right("person", SourceKind::Other));
        assert!(right("organization", SourceKind::Media));
        assert!(right("place", SourceKind::Organization));
        assert!(right("abstract", SourceKind::Document));
        assert!(!right("object", SourceKind::Person));
        assert!(!right("event", SourceKind::Group));
    }

    #[test]
    fn confusion_counts_and_scores() {
        let d = |etype: &str, kind| Decision {
            text: String::new(),
            etype: etype.into(),
            kind,
        };
        let mut c = Confusion::default();
        for x in [
            d("person", SourceKind::Person),
            d("person", SourceKind::Group),
            d("object", SourceKind::Person),
            d("event", SourceKind::Other),
        ] {
            c.add(&x);
        }
        assert_eq!(c.total(), 4);
        assert_eq!(c.correct(), 3);
        assert!((c.person_precision() - 0.5).abs() < 1e-9);
        assert!(c.to_table().contains("other\t1\t0\t0\t1"));
    }
}
