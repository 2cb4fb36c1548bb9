use crate::error::Message;
use survey_i18n::msg;

/// An e-mail address, lowercased and trimmed, that passed a plain check catching typing mistakes
/// (the mail server has the last word).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    pub fn parse(value: &str) -> Result<Self, Message> {
        let email = value.trim().to_lowercase();
        if looks_like_email(&email) {
            Ok(Self(email))
        } else {
            Err(msg!("error-not-e-mail-address", email = email.to_string()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

impl std::fmt::Display for Email {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn looks_like_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == ',' || c == ';' || c == '<' || c == '>')
        && !domain.contains('@')
}

#[cfg(test)]
mod tests {
    use super::{Email, looks_like_email};

    #[test]
    fn plausible_addresses_pass_and_typos_do_not() {
        for ok in ["a@b.co", "taro.yamada@example.co.jp", "x+tag@sub.example.com"] {
            assert!(looks_like_email(ok), "{ok}");
        }
        for bad in [
            "",
            "a",
            "a@b",
            "@b.co",
            "a@.co",
            "a@b.",
            "a b@c.co",
            "a@b.co;c@d.co",
            "a@@b.co",
        ] {
            assert!(!looks_like_email(bad), "{bad}");
        }
    }

    #[test]
    fn an_address_is_kept_trimmed_and_lowercased() {
        assert_eq!(
            Email::parse(" Taro@Example.COM ").map(Email::into_inner),
            Ok("taro@example.com".to_owned())
        );
    }
}
