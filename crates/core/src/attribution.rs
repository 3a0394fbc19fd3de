//! Attribution relations: who (source) said what (content), signalled by a cue.

use crate::Region;
use serde::{Deserialize, Serialize};

/// Who the source is, as a reader would classify it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A named or described individual ("Michael McFaul", "a spokesman").
    Person,
    Organization,
    /// A news outlet ("NBC News", "The Washington Post").
    Media,
    /// Unnamed sources ("two unnamed intelligence officials", "NBC's sources").
    Anonymous,
    /// A report, document, poll or finding ("those reports", "findings from the CIA").
    Document,
    /// A collective ("a group of electors", "Republicans").
    Group,
    /// A pronoun; see [`Attribution::speaker`] for whom it resolves to.
    Pronoun,
    /// A thing, event or idea credited with a claim ("the photo below
    /// shows", "tradition dictates", "the debate promised").
    Other,
}

/// What kind of speech act or mental state the cue expresses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CueKind {
    /// said, told, added, stated, wrote, tweeted.
    Assert,
    /// believe, think, fear, want, sought to.
    Belief,
    /// reported, according to, cited.
    Report,
    /// denied, rejected, scoffed at.
    Deny,
    /// accused, blamed, charged.
    Accuse,
    /// asked, requested, urged, called for.
    Request,
    /// declined to comment, did not respond to requests for comment.
    NoComment,
}

/// Whether the content is quoted word for word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Entirely inside quotation marks.
    Direct,
    /// Paraphrase, no quotation marks.
    Indirect,
    /// Paraphrase with a quoted fragment.
    Mixed,
}

/// ICD 203 likelihood bands (US Intelligence Community Directive 203).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Likelihood {
    /// 1-5 %: "almost no chance", "remote".
    AlmostNoChance,
    /// 5-20 %: "very unlikely", "highly improbable".
    VeryUnlikely,
    /// 20-45 %: "unlikely", "improbable".
    Unlikely,
    /// 45-55 %: "roughly even chance", "roughly even odds".
    RoughlyEvenChance,
    /// 55-80 %: "likely", "probable".
    Likely,
    /// 80-95 %: "very likely", "highly probable".
    VeryLikely,
    /// 95-99 %: "almost certain(ly)", "nearly certain".
    AlmostCertain,
}

impl Likelihood {
    /// The band's probability range in percent, as ICD 203 defines it.
    pub fn percent_range(self) -> (u8, u8) {
        match self {
            Likelihood::AlmostNoChance => (1, 5),
            Likelihood::VeryUnlikely => (5, 20),
            Likelihood::Unlikely => (20, 45),
            Likelihood::RoughlyEvenChance => (45, 55),
            Likelihood::Likely => (55, 80),
            Likelihood::VeryLikely => (80, 95),
            Likelihood::AlmostCertain => (95, 99),
        }
    }
}

/// Analytic confidence (ICD 203 keeps it apart from likelihood).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    Low,
    Moderate,
    High,
}

/// A hedge or booster word found in or around the attribution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hedge {
    pub span: crate::Span,
    pub text: String,
}

/// How sure the source is, never collapsed into one number.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Certainty {
    /// Every hedge/booster expression found ("likely", "may", "most certainly").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hedges: Vec<Hedge>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub likelihood: Option<Likelihood>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
}

impl Certainty {
    pub fn is_empty(&self) -> bool {
        self.hedges.is_empty() && self.likelihood.is_none() && self.confidence.is_none()
    }
}

/// The entity a source refers to, once pronouns and descriptions are resolved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    pub name: String,
    /// Index into [`Document::entities`](crate::Document::entities).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<u32>,
}

/// One attribution relation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    /// Position in [`Document::attributions`](crate::Document::attributions); shown as `A{id+1}`.
    pub id: u32,
    /// Absent for sourceless attributions ("it was reported that").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Region>,
    pub cue: Region,
    /// Absent when nothing is attributed ("declined to comment").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<Region>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_kind: Option<SourceKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Speaker>,
    pub cue_kind: CueKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<QuoteKind>,
    #[serde(default, skip_serializing_if = "Certainty::is_empty")]
    pub certainty: Certainty,
    /// The attribution whose content contains this one (NBC → reported → [officials → believe → X]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<u32>,
    /// Model score in [0, 1].
    pub score: f32,
}

impl Attribution {
    /// An attribution with only a cue: no source or content yet, kind
    /// `Assert` until typed, no certainty, no parent, score 1.
    pub fn with_cue(id: u32, cue: Region) -> Self {
        Attribution {
            id,
            source: None,
            cue,
            content: None,
            source_kind: None,
            speaker: None,
            cue_kind: CueKind::Assert,
            quote: None,
            certainty: Certainty::default(),
            parent: None,
            score: 1.0,
        }
    }

    /// The display label, `A1`, `A2`, ...
    pub fn label(&self) -> String {
        format!("A{}", self.id + 1)
    }
}
