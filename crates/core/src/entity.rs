//! Named entities, mentions and coreference clusters.

use crate::Span;
use serde::{Deserialize, Serialize};

/// What an entity is. `Title` covers role words that name a person by office
/// ("President-elect", "Sen."); `Media` is an organisation that publishes news.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Organization,
    Media,
    /// Countries, cities, states: geo-political entities.
    Gpe,
    /// Non-GPE locations (rivers, regions).
    Location,
    /// Nationalities, religious and political groups ("Russian", "Democrats").
    Norp,
    Title,
    Date,
    Misc,
}

/// How a mention refers: by name, by description ("the Russian president"), or by pronoun.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionType {
    Name,
    Nominal,
    Pronoun,
}

/// One mention of an entity in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Span,
    /// First token and one past the last token of the mention.
    pub tokens: [u32; 2],
    pub kind: EntityKind,
    pub mention_type: MentionType,
    /// Index into [`Document::entities`](crate::Document::entities) once resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<u32>,
}

/// A discourse entity: all mentions that refer to the same thing
/// ("Vladimir Putin" / "Putin" / "the Russian president" / "he").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: u32,
    pub kind: EntityKind,
    /// The most informative name seen ("Vladimir Putin" rather than "Putin").
    pub name: String,
    /// Indices into [`Document::mentions`](crate::Document::mentions), in text order.
    pub mentions: Vec<u32>,
}
