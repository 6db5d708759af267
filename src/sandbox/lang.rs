//! The languages the tutor speaks. Lessons are written per language and the tutor's
//! explanations follow the lesson's language; kubectl's own output stays in English, as
//! the real tool prints it.

use std::fmt;

/// A language of the tutor's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    #[default]
    En,
    Vi,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Vi, Lang::Es];

    /// The ISO 639-1 code (`en`, `vi`, `es`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Vi => "vi",
            Lang::Es => "es",
        }
    }

    /// Parse a code as `--lang` takes it (`en`, `vi`, `es`, any case).
    pub fn parse(code: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The language of a POSIX locale value (`vi_VN.UTF-8`, `es`, `C`): its language part
    /// when the tutor speaks it.
    pub fn from_locale(value: &str) -> Option<Lang> {
        let lang = value.split(['_', '.', '@', '-']).next().unwrap_or("");
        Lang::parse(lang)
    }

    /// The language the environment asks for, as gettext looks: `LC_ALL`, then
    /// `LC_MESSAGES`, then `LANG`; the first one set decides, English when it names a
    /// language the tutor does not speak.
    pub fn from_env() -> Lang {
        Self::from_env_with(|name| std::env::var(name).ok())
    }

    /// [`Lang::from_env`] over a given environment (for tests).
    pub fn from_env_with(env: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| env(name).filter(|v| !v.is_empty()))
            .map(|v| Lang::from_locale(&v).unwrap_or_default())
            .next()
            .unwrap_or_default()
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_map_to_languages() {
        assert_eq!(Lang::from_locale("vi_VN.UTF-8"), Some(Lang::Vi));
        assert_eq!(Lang::from_locale("es"), Some(Lang::Es));
        assert_eq!(Lang::from_locale("C.UTF-8"), None);
        assert_eq!(Lang::parse("VI"), Some(Lang::Vi));
        assert_eq!(Lang::parse("fr"), None);
    }

    #[test]
    fn the_first_set_locale_variable_decides() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            Lang::from_env_with(env(&[("LANG", "es_ES.UTF-8")])),
            Lang::Es
        );
        assert_eq!(
            Lang::from_env_with(env(&[("LC_ALL", "vi_VN"), ("LANG", "es_ES")])),
            Lang::Vi
        );
        // LC_ALL=C asks for the default, English, even if LANG says Spanish.
        assert_eq!(
            Lang::from_env_with(env(&[("LC_ALL", "C"), ("LANG", "es_ES")])),
            Lang::En
        );
        assert_eq!(Lang::from_env_with(env(&[])), Lang::En);
    }
}
