//! The built-in samples, each telling one idea of the FastAPI async docs and the async primer.

pub(crate) struct Sample {
    pub(crate) name: &'static str,
    pub(crate) title: &'static str,
    pub(crate) about: &'static str,
    pub(crate) code: &'static str,
}

macro_rules! sample {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!("../samples/", $name, ".md")),
            include_str!(concat!("../samples/", $name, ".py")),
        )
    };
}

const RAW: &[(&str, &str, &str)] = &[
    sample!("burgers"),
    sample!("fetches"),
    sample!("blocking"),
    sample!("forgot-await"),
    sample!("gather-vs-task"),
    sample!("queue"),
    sample!("crawler"),
    sample!("timeouts"),
    sample!("taskgroup"),
    sample!("parallel-burgers"),
    sample!("cleaning-house"),
    sample!("fastapi-endpoints"),
    sample!("gil-convoy"),
];

/// The sample shown when the page opens without a link.
pub(crate) const DEFAULT: &str = "burgers";

fn parse((name, md, code): &(&'static str, &'static str, &'static str)) -> Sample {
    let md = md.trim();
    let (title, about) = match md.split_once('\n') {
        Some((first, rest)) => (first.trim_start_matches('#').trim(), rest.trim()),
        None => (md.trim_start_matches('#').trim(), ""),
    };
    Sample {
        name,
        title,
        about,
        code,
    }
}

pub(crate) fn all() -> impl Iterator<Item = Sample> {
    RAW.iter().map(parse)
}

pub(crate) fn find(name: &str) -> Option<Sample> {
    all().find(|s| s.name == name)
}

pub(crate) fn default_sample() -> Sample {
    all().next().unwrap_or(Sample {
        name: DEFAULT,
        title: "Concurrent burgers",
        about: "",
        code: "",
    })
}
