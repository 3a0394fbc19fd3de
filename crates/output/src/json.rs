//! The JSON view of an analysed document (schema `whosaid/1`, see docs/schema.md).
//!
//! This is a stable, documented view built from the [`Document`]: spans carry
//! their text, ids are labels (`A1`), enums are snake_case strings. Internal
//! layers (tokens, trees) are added only on request.

use serde::Serialize;
use whosaid_core::{
    Attribution, Boilerplate, BoilerplateKind, Confidence, CueKind, Document, EntityKind,
    Likelihood, MentionType, Metadata, QuoteKind, Region, SourceKind, Span,
};

/// Schema identifier written in every JSON document.
pub const SCHEMA: &str = "whosaid/1";

/// What to include beyond the attribution view.
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonOptions {
    /// Add the sentence and token layers.
    pub layers: bool,
}

#[derive(Serialize)]
pub struct DocumentView<'d> {
    pub schema: &'static str,
    /// Offsets count Unicode code points from the start of `text`, end exclusive.
    pub offsets: &'static str,
    pub id: &'d str,
    pub meta: &'d Metadata,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<SpanText<'d>>,
    pub boilerplate: Vec<BoilerplateView<'d>>,
    pub attributions: Vec<AttributionView<'d>>,
    pub entities: Vec<EntityView<'d>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layers: Option<Layers<'d>>,
    pub text: &'d str,
}

#[derive(Serialize)]
pub struct SpanText<'d> {
    pub span: Span,
    pub text: &'d str,
}

#[derive(Serialize)]
pub struct BoilerplateView<'d> {
    pub span: Span,
    pub kind: BoilerplateKind,
    pub text: &'d str,
}

/// A source, cue or content: its spans (several when discontinuous) and text
/// (parts joined by " … ").
#[derive(Serialize)]
pub struct RegionView {
    pub spans: Vec<Span>,
    pub text: String,
}

#[derive(Serialize)]
pub struct LikelihoodView {
    pub band: Likelihood,
    /// The ICD 203 probability range of the band, in percent.
    pub percent: [u8; 2],
}

#[derive(Serialize)]
pub struct HedgeView<'d> {
    pub span: Span,
    pub text: &'d str,
}

#[derive(Serialize, Default)]
pub struct CertaintyView<'d> {
    pub hedges: Vec<HedgeView<'d>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub likelihood: Option<LikelihoodView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
}

#[derive(Serialize)]
pub struct SpeakerView<'d> {
    pub name: &'d str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
}

#[derive(Serialize)]
pub struct AttributionView<'d> {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<RegionView>,
    pub cue: RegionView,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<RegionView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_kind: Option<SourceKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<SpeakerView<'d>>,
    pub cue_kind: CueKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<QuoteKind>,
    pub certainty: CertaintyView<'d>,
    /// The attribution this one is nested in (its content contains this one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Chain of custody, outermost first: the labels of every enclosing attribution.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub via: Vec<String>,
    pub score: f32,
}

#[derive(Serialize)]
pub struct MentionView<'d> {
    pub span: Span,
    pub text: &'d str,
    #[serde(rename = "type")]
    pub mention_type: MentionType,
}

#[derive(Serialize)]
pub struct EntityView<'d> {
    pub id: String,
    pub kind: EntityKind,
    pub name: &'d str,
    pub mentions: Vec<MentionView<'d>>,
}

#[derive(Serialize)]
pub struct Layers<'d> {
    pub paragraphs: &'d [Span],
    pub sentences: &'d [whosaid_core::Sentence],
    pub tokens: Vec<TokenView<'d>>,
}

#[derive(Serialize)]
pub struct TokenView<'d> {
    pub span: Span,
    pub text: &'d str,
    pub lemma: &'d str,
    pub upos: whosaid_core::Upos,
    pub xpos: whosaid_core::Xpos,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub head: Option<u32>,
    pub deprel: whosaid_core::DepRel,
}

/// Label of entity `i`: `E1`, `E2`, ...
pub fn entity_label(i: u32) -> String {
    format!("E{}", i + 1)
}

/// The text of a region, parts joined by " … ", with inner whitespace runs
/// (line breaks of multi-paragraph quotes) folded to one space.
pub fn region_text(doc: &Document, region: &Region) -> String {
    let mut out = String::new();
    for (i, part) in region.parts().iter().enumerate() {
        if i > 0 {
            out.push_str(" … ");
        }
        let mut last_space = false;
        for c in doc.slice(*part).chars() {
            if c.is_whitespace() {
                if !last_space {
                    out.push(' ');
                }
                last_space = true;
            } else {
                out.push(c);
                last_space = false;
            }
        }
    }
    out
}

fn region_view(doc: &Document, region: &Region) -> RegionView {
    RegionView {
        spans: region.parts().to_vec(),
        text: region_text(doc, region),
    }
}

/// Labels of the enclosing attributions, outermost first.
pub fn chain_of(doc: &Document, a: &Attribution) -> Vec<String> {
    let mut chain = Vec::new();
    let mut seen = 0;
    let mut cur = a.parent;
    // Bounded by the number of attributions, so a malformed cycle cannot loop forever.
    while let Some(p) = cur {
        if seen > doc.attributions.len() {
            break;
        }
        seen += 1;
        match doc.attributions.get(p as usize) {
            Some(parent) => {
                chain.push(parent.label());
                cur = parent.parent;
            }
            None => break,
        }
    }
    chain.reverse();
    chain
}

fn attribution_view<'d>(doc: &'d Document, a: &'d Attribution) -> AttributionView<'d> {
    let certainty = CertaintyView {
        hedges: a
            .certainty
            .hedges
            .iter()
            .map(|h| HedgeView {
                span: h.span,
                text: doc.slice(h.span),
            })
            .collect(),
        likelihood: a.certainty.likelihood.map(|band| {
            let (lo, hi) = band.percent_range();
            LikelihoodView {
                band,
                percent: [lo, hi],
            }
        }),
        confidence: a.certainty.confidence,
    };
    AttributionView {
        id: a.label(),
        source: a.source.as_ref().map(|r| region_view(doc, r)),
        cue: region_view(doc, &a.cue),
        content: a.content.as_ref().map(|r| region_view(doc, r)),
        source_kind: a.source_kind,
        speaker: a.speaker.as_ref().map(|s| SpeakerView {
            name: &s.name,
            entity: s.entity.map(entity_label),
        }),
        cue_kind: a.cue_kind,
        quote: a.quote,
        certainty,
        parent: a
            .parent
            .and_then(|p| doc.attributions.get(p as usize))
            .map(Attribution::label),
        via: chain_of(doc, a),
        score: (a.score * 1000.0).round() / 1000.0,
    }
}

fn boilerplate_view<'d>(doc: &'d Document, b: &Boilerplate) -> BoilerplateView<'d> {
    BoilerplateView {
        span: b.span,
        kind: b.kind,
        text: doc.slice(b.span).trim_end(),
    }
}

/// Builds the JSON view of `doc`.
pub fn view<'d>(doc: &'d Document, opts: JsonOptions) -> DocumentView<'d> {
    DocumentView {
        schema: SCHEMA,
        offsets: "unicode_code_points",
        id: &doc.id,
        meta: &doc.meta,
        title: doc.title.map(|span| SpanText {
            span,
            text: doc.slice(span),
        }),
        boilerplate: doc
            .boilerplate
            .iter()
            .map(|b| boilerplate_view(doc, b))
            .collect(),
        attributions: doc
            .attributions
            .iter()
            .map(|a| attribution_view(doc, a))
            .collect(),
        entities: doc
            .entities
            .iter()
            .map(|e| EntityView {
                id: entity_label(e.id),
                kind: e.kind,
                name: &e.name,
                mentions: e
                    .mentions
                    .iter()
                    .filter_map(|&m| doc.mentions.get(m as usize))
                    .map(|m| MentionView {
                        span: m.span,
                        text: doc.slice(m.span),
                        mention_type: m.mention_type,
                    })
                    .collect(),
            })
            .collect(),
        layers: opts.layers.then(|| Layers {
            paragraphs: &doc.paragraphs,
            sentences: &doc.sentences,
            tokens: doc
                .tokens
                .iter()
                .map(|t| TokenView {
                    span: t.span,
                    text: doc.slice(t.span),
                    lemma: &t.lemma,
                    upos: t.upos,
                    xpos: t.xpos,
                    head: t.head,
                    deprel: t.deprel,
                })
                .collect(),
        }),
        text: &doc.text,
    }
}

/// Pretty-printed JSON of one document.
pub fn to_json(doc: &Document, opts: JsonOptions) -> String {
    // Serialising plain structs of strings and numbers cannot fail.
    serde_json::to_string_pretty(&view(doc, opts)).unwrap_or_default()
}

/// One-line JSON of one document (for JSONL streams).
pub fn to_json_line(doc: &Document, opts: JsonOptions) -> String {
    serde_json::to_string(&view(doc, opts)).unwrap_or_default()
}
