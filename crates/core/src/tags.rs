//! Closed tag sets: UD universal POS, Penn Treebank XPOS (as in UD EWT) and
//! UD v2 basic dependency relations (with the subtypes EWT uses).
//!
//! Each is a one-byte enum so token layers stay compact; `as_str`/`parse`
//! give the standard names, which is also how they serialise.

macro_rules! tagset {
    ($(#[$meta:meta])* $name:ident, default = $default:ident, { $($variant:ident => $label:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
        #[repr(u8)]
        pub enum $name {
            #[default]
            $default,
            $($variant),+
        }

        impl $name {
            /// Every value, in index order.
            pub const ALL: &'static [$name] = &[$name::$default, $($name::$variant),+];

            /// The standard name of the tag.
            pub fn as_str(self) -> &'static str {
                match self {
                    $name::$default => "_",
                    $($name::$variant => $label),+
                }
            }

            /// Parses a standard name; unknown names give `None`.
            pub fn parse(s: &str) -> Option<Self> {
                match s {
                    "_" => Some($name::$default),
                    $($label => Some($name::$variant),)+
                    _ => None,
                }
            }

            /// Dense index (0 = unset), for weight tables.
            pub fn index(self) -> usize {
                self as usize
            }

            pub fn from_index(i: usize) -> Option<Self> {
                Self::ALL.get(i).copied()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                $name::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("unknown {} tag {s:?}", stringify!($name))))
            }
        }
    };
}

tagset!(
    /// Universal POS tags (UD v2).
    Upos, default = Unset, {
        Adj => "ADJ", Adp => "ADP", Adv => "ADV", Aux => "AUX", Cconj => "CCONJ",
        Det => "DET", Intj => "INTJ", Noun => "NOUN", Num => "NUM", Part => "PART",
        Pron => "PRON", Propn => "PROPN", Punct => "PUNCT", Sconj => "SCONJ",
        Sym => "SYM", Verb => "VERB", X => "X",
    }
);

tagset!(
    /// Penn Treebank tags as used by UD English EWT (including ADD, AFX, GW, HYPH, NFP, XX).
    Xpos, default = Unset, {
        Cc => "CC", Cd => "CD", Dt => "DT", Ex => "EX", Fw => "FW", In => "IN", Jj => "JJ",
        Jjr => "JJR", Jjs => "JJS", Ls => "LS", Md => "MD", Nn => "NN", Nns => "NNS",
        Nnp => "NNP", Nnps => "NNPS", Pdt => "PDT", Pos => "POS", Prp => "PRP",
        PrpS => "PRP$", Rb => "RB", Rbr => "RBR", Rbs => "RBS", Rp => "RP", Sym => "SYM",
        To => "TO", Uh => "UH", Vb => "VB", Vbd => "VBD", Vbg => "VBG", Vbn => "VBN",
        Vbp => "VBP", Vbz => "VBZ", Wdt => "WDT", Wp => "WP", WpS => "WP$", Wrb => "WRB",
        Period => ".", Comma => ",", Colon => ":", OpenQuote => "``", CloseQuote => "''",
        Lrb => "-LRB-", Rrb => "-RRB-", Hyph => "HYPH", Nfp => "NFP", Add => "ADD",
        Afx => "AFX", Gw => "GW", Dollar => "$", Hash => "#", Xx => "XX",
    }
);

tagset!(
    /// UD v2 basic dependency relations, with the subtypes UD English uses.
    DepRel, default = Unset, {
        Acl => "acl", AclRelcl => "acl:relcl", Advcl => "advcl", AdvclRelcl => "advcl:relcl",
        Advmod => "advmod", Amod => "amod", Appos => "appos", Aux => "aux", AuxPass => "aux:pass",
        Case => "case", Cc => "cc", CcPreconj => "cc:preconj", Ccomp => "ccomp",
        Compound => "compound", CompoundPrt => "compound:prt", Conj => "conj", Cop => "cop",
        Csubj => "csubj", CsubjOuter => "csubj:outer", CsubjPass => "csubj:pass", Dep => "dep",
        Det => "det", DetPredet => "det:predet", Discourse => "discourse",
        Dislocated => "dislocated", Expl => "expl", Fixed => "fixed", Flat => "flat",
        FlatForeign => "flat:foreign", Goeswith => "goeswith", Iobj => "iobj", List => "list",
        Mark => "mark", Nmod => "nmod", NmodDesc => "nmod:desc", NmodPoss => "nmod:poss",
        NmodUnmarked => "nmod:unmarked", NmodTmod => "nmod:tmod", NmodNpmod => "nmod:npmod",
        Nsubj => "nsubj", NsubjOuter => "nsubj:outer", NsubjPass => "nsubj:pass",
        Nummod => "nummod", Obj => "obj", Obl => "obl", OblAgent => "obl:agent",
        OblUnmarked => "obl:unmarked", OblTmod => "obl:tmod", OblNpmod => "obl:npmod",
        Orphan => "orphan", Parataxis => "parataxis", Punct => "punct",
        Reparandum => "reparandum", Root => "root", Vocative => "vocative", Xcomp => "xcomp",
    }
);

impl DepRel {
    /// The universal relation without its subtype (`nsubj:pass` → `nsubj`).
    pub fn base(self) -> &'static str {
        let s = self.as_str();
        s.split(':').next().unwrap_or(s)
    }
    /// Subject relations of any kind.
    pub fn is_subject(self) -> bool {
        matches!(self.base(), "nsubj" | "csubj")
    }
}

impl Xpos {
    /// A finite verb or modal (VBD, VBZ, VBP, MD): the verb of a clause of
    /// its own.
    pub fn is_finite_verb(self) -> bool {
        matches!(self, Xpos::Vbd | Xpos::Vbz | Xpos::Vbp | Xpos::Md)
    }
}

impl Upos {
    pub fn is_verbal(self) -> bool {
        matches!(self, Upos::Verb | Upos::Aux)
    }
    pub fn is_nominal(self) -> bool {
        matches!(self, Upos::Noun | Upos::Propn | Upos::Pron | Upos::Num)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for t in Xpos::ALL {
            assert_eq!(Xpos::parse(t.as_str()), Some(*t));
        }
        for t in DepRel::ALL {
            assert_eq!(DepRel::parse(t.as_str()), Some(*t));
            assert_eq!(DepRel::from_index(t.index()), Some(*t));
        }
        assert_eq!(DepRel::NsubjPass.base(), "nsubj");
        assert!(DepRel::CsubjPass.is_subject());
        assert_eq!(Upos::parse("PROPN"), Some(Upos::Propn));
        assert_eq!(Upos::parse("nope"), None);
    }
}
