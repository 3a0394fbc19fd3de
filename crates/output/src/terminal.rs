//! The human view for a terminal: a header, the removed boilerplate, the
//! article with sources, cues and contents highlighted (when colour is on),
//! then one line per attribution with its chain of custody and certainty.

use crate::json::{chain_of, region_text};
use std::fmt::Write;
use whosaid_core::{Attribution, CueKind, Document, Span};

/// Terminal rendering options.
#[derive(Debug, Clone, Copy)]
pub struct TerminalOptions {
    /// Use ANSI colours.
    pub color: bool,
    /// Print the article text with attributions highlighted.
    pub show_text: bool,
    /// Longest content shown in the list, in characters (the JSON has it all).
    pub max_content_chars: usize,
}

impl Default for TerminalOptions {
    fn default() -> Self {
        TerminalOptions {
            color: false,
            show_text: false,
            max_content_chars: 240,
        }
    }
}

struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }
    fn source(&self, s: &str) -> String {
        self.paint("1;36", s)
    }
    fn cue(&self, s: &str) -> String {
        self.paint("1;33", s)
    }
    fn content(&self, s: &str) -> String {
        self.paint("32", s)
    }
}

fn cue_kind_name(k: CueKind) -> &'static str {
    match k {
        CueKind::Assert => "assert",
        CueKind::Belief => "belief",
        CueKind::Report => "report",
        CueKind::Deny => "deny",
        CueKind::Accuse => "accuse",
        CueKind::Request => "request",
        CueKind::NoComment => "no_comment",
    }
}

fn snake<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Renders `doc` for a terminal.
pub fn render(doc: &Document, opts: TerminalOptions) -> String {
    let st = Style { on: opts.color };
    let mut out = String::new();
    let title = doc
        .title
        .map(|s| doc.slice(s).trim().to_string())
        .or_else(|| doc.meta.title.clone())
        .unwrap_or_else(|| "(untitled)".into());
    let _ = writeln!(out, "{}", st.bold(&format!("━━ {title}")));
    let mut facts: Vec<String> = Vec::new();
    if let Some(o) = &doc.meta.origin {
        facts.push(o.clone());
    }
    if let Some(s) = &doc.meta.site_name {
        facts.push(s.clone());
    }
    if let Some(p) = &doc.meta.published {
        facts.push(p.clone());
    }
    facts.push(format!("id {}", doc.id));
    facts.push(format!("{} attributions", doc.attributions.len()));
    let _ = writeln!(out, "   {}", st.dim(&facts.join(" · ")));
    if !doc.boilerplate.is_empty() {
        let _ = writeln!(
            out,
            "   {}",
            st.dim(&format!(
                "removed {} boilerplate block(s):",
                doc.boilerplate.len()
            ))
        );
        for b in &doc.boilerplate {
            let text = truncate(doc.slice(b.span).trim(), 90);
            let _ = writeln!(
                out,
                "     {} {}",
                st.dim(&format!("[{}]", snake(&b.kind))),
                st.dim(&text)
            );
        }
    }
    out.push('\n');
    if opts.show_text {
        out.push_str(&highlighted_text(doc, &st));
        out.push('\n');
    }
    for a in &doc.attributions {
        out.push_str(&attribution_line(doc, a, &st, opts.max_content_chars));
    }
    out
}

fn attribution_line(doc: &Document, a: &Attribution, st: &Style, max: usize) -> String {
    let mut line = String::new();
    let chain = chain_of(doc, a);
    let _ = write!(
        line,
        "{} {:<10} ",
        st.bold(&format!("{:>3}", a.label())),
        cue_kind_name(a.cue_kind)
    );
    match &a.source {
        Some(src) => {
            let _ = write!(line, "{}", st.source(&region_text(doc, src)));
        }
        None => line.push_str(&st.dim("(no source)")),
    }
    let mut tags: Vec<String> = Vec::new();
    if let Some(k) = a.source_kind {
        tags.push(snake(&k));
    }
    if let Some(sp) = &a.speaker {
        let src_text = a
            .source
            .as_ref()
            .map(|r| region_text(doc, r))
            .unwrap_or_default();
        if sp.name != src_text {
            tags.push(format!("= {}", sp.name));
        }
    }
    if !tags.is_empty() {
        let _ = write!(line, " {}", st.dim(&format!("({})", tags.join(", "))));
    }
    let _ = write!(line, " ─{}→", st.cue(&region_text(doc, &a.cue)));
    if let Some(c) = &a.content {
        let _ = write!(
            line,
            " {}",
            st.content(&truncate(&region_text(doc, c), max))
        );
    }
    line.push('\n');
    let mut extra: Vec<String> = Vec::new();
    if !chain.is_empty() {
        extra.push(format!("via {}", chain.join(" → ")));
    }
    if let Some(q) = a.quote {
        extra.push(format!("{} quote", snake(&q)));
    }
    if let Some(l) = a.certainty.likelihood {
        let (lo, hi) = l.percent_range();
        extra.push(format!(
            "likelihood {} ({lo}-{hi} %)",
            snake(&l).replace('_', " ")
        ));
    }
    if let Some(c) = a.certainty.confidence {
        extra.push(format!("{} confidence", snake(&c)));
    }
    if !a.certainty.hedges.is_empty() {
        let hedges: Vec<&str> = a
            .certainty
            .hedges
            .iter()
            .map(|h| doc.slice(h.span))
            .collect();
        extra.push(format!("hedges: {}", hedges.join(", ")));
    }
    if !extra.is_empty() {
        let _ = writeln!(line, "      {}", st.dim(&extra.join(" · ")));
    }
    line
}

/// Role of a character for highlighting; inner attributions win over outer ones.
#[derive(Clone, Copy, PartialEq)]
enum Role {
    None,
    Content,
    Source,
    Cue,
}

fn highlighted_text(doc: &Document, st: &Style) -> String {
    let n = doc.char_len() as usize;
    let mut roles = vec![Role::None; n];
    let mut mark = |span: Span, role: Role| {
        for r in roles
            .iter_mut()
            .take((span.end as usize).min(n))
            .skip(span.start as usize)
        {
            // Sources and cues always show; contents do not overwrite them.
            if role != Role::Content || *r == Role::None {
                *r = role;
            }
        }
    };
    for a in &doc.attributions {
        if let Some(c) = &a.content {
            c.parts().iter().for_each(|p| mark(*p, Role::Content));
        }
    }
    for a in &doc.attributions {
        if let Some(s) = &a.source {
            s.parts().iter().for_each(|p| mark(*p, Role::Source));
        }
        a.cue.parts().iter().for_each(|p| mark(*p, Role::Cue));
    }
    let mut out = String::new();
    let mut run = String::new();
    let mut run_role = Role::None;
    let flush = |run: &mut String, role: Role, out: &mut String| {
        if run.is_empty() {
            return;
        }
        out.push_str(&match role {
            Role::None => run.clone(),
            Role::Content => st.content(run),
            Role::Source => st.source(run),
            Role::Cue => st.cue(run),
        });
        run.clear();
    };
    for (i, c) in doc.text.chars().enumerate() {
        if doc.is_boilerplate(i as u32) {
            continue;
        }
        let role = roles.get(i).copied().unwrap_or(Role::None);
        if role != run_role || c == '\n' {
            flush(&mut run, run_role, &mut out);
            run_role = role;
        }
        if c == '\n' {
            out.push('\n');
        } else {
            run.push(c);
        }
    }
    flush(&mut run, run_role, &mut out);
    // Collapse the blank lines left where boilerplate was.
    let mut collapsed = String::with_capacity(out.len());
    let mut newlines = 0;
    for c in out.chars() {
        if c == '\n' {
            newlines += 1;
            if newlines <= 2 {
                collapsed.push(c);
            }
        } else {
            newlines = 0;
            collapsed.push(c);
        }
    }
    collapsed.trim_end().to_string() + "\n"
}
