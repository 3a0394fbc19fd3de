//! Plain-text cleaning: headline detection and line-level boilerplate removal (captions, promos, newsletter and follow boxes).

use whosaid_core::Stage;

/// The cleaning stages of the default pipeline (headline detection, boilerplate lines).
pub fn english_stages() -> Result<Vec<Box<dyn Stage>>, whosaid_core::StageError> {
    Ok(Vec::new())
}
