//! Scenario URLs (SPEC §4): `#code/<lz-string>&cores=8&gil=off&step=42` and
//! `#example/NAME`, decoded defensively: any link from the internet gives
//! either a scenario or a clear message, within bounded time and memory.

use loopscope_core::MAX_SOURCE_BYTES;

/// A program and the settings it runs with.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub code: String,
    pub cores: u32,
    pub gil: bool,
    /// The step to show when opening the link.
    pub step: Option<u32>,
}

impl Scenario {
    pub fn new(code: String) -> Scenario {
        Scenario {
            code,
            cores: 4,
            gil: true,
            step: None,
        }
    }
}

/// What a fragment asks for.
#[derive(Debug, PartialEq)]
pub enum Link {
    Empty,
    Example {
        name: String,
        step: Option<u32>,
        cores: u32,
        gil: bool,
    },
    Code(Scenario),
}

/// Fragments longer than this are refused before any decoding.
pub const MAX_FRAGMENT: usize = 256 * 1024;

/// Encode a scenario as a URL fragment (without the `#`).
pub fn encode(s: &Scenario) -> String {
    let mut out = format!(
        "code/{}",
        lz_str::compress_to_encoded_uri_component(&s.code)
    );
    push_settings(&mut out, s.cores, s.gil, s.step);
    out
}

pub fn encode_example(name: &str, cores: u32, gil: bool, step: Option<u32>) -> String {
    let mut out = format!("example/{name}");
    push_settings(&mut out, cores, gil, step);
    out
}

fn push_settings(out: &mut String, cores: u32, gil: bool, step: Option<u32>) {
    if cores != 4 {
        out.push_str(&format!("&cores={cores}"));
    }
    if !gil {
        out.push_str("&gil=off");
    }
    if let Some(step) = step {
        out.push_str(&format!("&step={step}"));
    }
}

/// Decode a fragment (with or without its leading `#`).
pub fn decode(fragment: &str) -> Result<Link, String> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.is_empty() {
        return Ok(Link::Empty);
    }
    if fragment.len() > MAX_FRAGMENT {
        return Err(format!(
            "This link is {} KB long; loopscope links are at most {} KB. The default sample is shown instead.",
            fragment.len() / 1024,
            MAX_FRAGMENT / 1024
        ));
    }
    let mut parts = fragment.split('&');
    let head = parts.next().unwrap_or_default();
    let (mut cores, mut gil, mut step) = (4u32, true, None);
    for p in parts {
        let (k, v) = p.split_once('=').unwrap_or((p, ""));
        match k {
            "cores" => match v.parse::<u32>() {
                Ok(n) if (1..=64).contains(&n) => cores = n,
                _ => return Err(format!("This link has an invalid setting cores={}: it must be a whole number from 1 to 64.", clip(v))),
            },
            "gil" => match v {
                "on" => gil = true,
                "off" => gil = false,
                _ => return Err(format!("This link has an invalid setting gil={}: it must be on or off.", clip(v))),
            },
            "step" => match v.parse::<u32>() {
                Ok(n) => step = Some(n),
                Err(_) => return Err(format!("This link has an invalid step={}.", clip(v))),
            },
            other => return Err(format!("This link has an unknown setting '{}'.", clip(other))),
        }
    }
    if let Some(name) = head.strip_prefix("example/") {
        return Ok(Link::Example {
            name: name.to_string(),
            step,
            cores,
            gil,
        });
    }
    let Some(data) = head.strip_prefix("code/") else {
        return Err(
            "This link is not a loopscope scenario (it should start with #code/ or #example/)."
                .into(),
        );
    };
    let code = decompress(data, MAX_SOURCE_BYTES)
        .map_err(|e| format!("This link is broken: {e}. The default sample is shown instead."))?;
    Ok(Link::Code(Scenario {
        code,
        cores,
        gil,
        step,
    }))
}

fn clip(s: &str) -> String {
    let mut c: String = s.chars().take(20).collect();
    if c.len() < s.len() {
        c.push('…');
    }
    c
}

const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$";

/// lz-string's `decompressFromEncodedURIComponent`, written here so that the
/// output can be capped: a crafted link can otherwise expand quadratically.
pub fn decompress(input: &str, max_bytes: usize) -> Result<String, String> {
    let mut rev = [255u8; 128];
    for (i, &c) in ALPHABET.iter().enumerate() {
        rev[c as usize] = i as u8;
    }
    let mut values = Vec::with_capacity(input.len());
    for c in input.bytes() {
        // `+` may arrive as a space after URL handling.
        let c = if c == b' ' { b'+' } else { c };
        match rev.get(c as usize) {
            Some(&v) if v != 255 => values.push(v as u32),
            _ => return Err("it contains characters that cannot appear in a scenario".into()),
        }
    }
    if values.is_empty() {
        return Err("it is empty".into());
    }
    let max_units = max_bytes + 16;
    let mut bits = Bits {
        values: &values,
        index: 1,
        val: values[0],
        position: 32,
        exhausted: false,
    };
    let mut dict: Vec<Vec<u16>> = vec![Vec::new(), Vec::new(), Vec::new()];
    let mut enlarge_in = 4u32;
    let mut num_bits = 3u32;
    let first = match bits.read(2)? {
        0 => vec![bits.read(8)? as u16],
        1 => vec![bits.read(16)? as u16],
        _ => return Ok(String::new()),
    };
    dict.push(first.clone());
    let mut w = first.clone();
    let mut out: Vec<u16> = first;
    loop {
        if num_bits > 24 {
            return Err("its data is inconsistent".into());
        }
        let mut c = bits.read(num_bits)? as usize;
        match c {
            0 | 1 => {
                let ch = bits.read(if c == 0 { 8 } else { 16 })? as u16;
                dict.push(vec![ch]);
                c = dict.len() - 1;
                enlarge_in -= 1;
            }
            2 => break,
            _ => {}
        }
        if enlarge_in == 0 {
            enlarge_in = 1 << num_bits;
            num_bits += 1;
        }
        let entry = if c < dict.len() {
            dict[c].clone()
        } else if c == dict.len() {
            let mut e = w.clone();
            e.push(*w.first().ok_or("its data is inconsistent")?);
            e
        } else {
            return Err("its data is inconsistent".into());
        };
        if out.len() + entry.len() > max_units {
            return Err(format!("it decodes to more than {} KB", max_bytes / 1024));
        }
        out.extend_from_slice(&entry);
        let mut new = w;
        new.push(*entry.first().ok_or("its data is inconsistent")?);
        dict.push(new);
        enlarge_in -= 1;
        w = entry;
        if enlarge_in == 0 {
            enlarge_in = 1 << num_bits;
            num_bits += 1;
        }
    }
    let text = String::from_utf16(&out).map_err(|_| "its text is not valid Unicode".to_string())?;
    if text.len() > max_bytes {
        return Err(format!("it decodes to more than {} KB", max_bytes / 1024));
    }
    Ok(text)
}

/// The bit stream of an lz-string: 6 bits per character, most significant
/// first; values are assembled least significant bit first.
struct Bits<'a> {
    values: &'a [u32],
    index: usize,
    val: u32,
    position: u32,
    exhausted: bool,
}

impl Bits<'_> {
    fn read(&mut self, n: u32) -> Result<u32, String> {
        let mut r = 0u32;
        for i in 0..n {
            if self.exhausted {
                return Err("it is cut short".into());
            }
            if self.val & self.position != 0 {
                r |= 1 << i;
            }
            self.position >>= 1;
            if self.position == 0 {
                self.position = 32;
                match self.values.get(self.index) {
                    Some(&v) => self.val = v,
                    None => self.exhausted = true,
                }
                self.index += 1;
            }
        }
        Ok(r)
    }
}

#[cfg(test)]
mod tests;
