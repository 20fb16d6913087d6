//! Round trips against the lz-str crate's encoder, and hostile links.

use super::*;

#[test]
fn round_trips_programs_through_the_fragment() {
    let programs = [
        "import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n\nasyncio.run(main())\n"
            .to_string(),
        "print('héllo wörld ✓ 🍔')\n".to_string(),
        "x = 1\n".repeat(3000),
        String::from("a"),
    ];
    for code in programs {
        let s = Scenario {
            code: code.clone(),
            cores: 8,
            gil: false,
            step: Some(42),
        };
        let frag = encode(&s);
        assert!(
            frag.starts_with("code/") && frag.ends_with("&cores=8&gil=off&step=42"),
            "{frag}"
        );
        assert_eq!(decode(&format!("#{frag}")), Ok(Link::Code(s)));
    }
}

#[test]
fn matches_the_reference_encoder_for_many_inputs() {
    // Deterministic pseudo-random texts, including long repetitive ones that
    // exercise the dictionary growth and multi-byte characters.
    let mut seed = 7u64;
    for len in [1usize, 2, 3, 10, 100, 1000, 20_000] {
        let mut text = String::new();
        for _ in 0..len {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
            let c = match (seed >> 33) % 7 {
                0 => 'a',
                1 => ' ',
                2 => '\n',
                3 => 'é',
                4 => '中',
                5 => char::from(b'0' + ((seed >> 40) % 10) as u8),
                _ => 'x',
            };
            text.push(c);
        }
        let enc = lz_str::compress_to_encoded_uri_component(&text);
        assert_eq!(
            decompress(&enc, 1 << 20).as_deref(),
            Ok(text.as_str()),
            "length {len}"
        );
    }
}

#[test]
fn examples_and_empty_fragments() {
    assert_eq!(decode(""), Ok(Link::Empty));
    assert_eq!(decode("#"), Ok(Link::Empty));
    assert_eq!(
        decode("#example/burgers"),
        Ok(Link::Example {
            name: "burgers".into(),
            step: None,
            cores: 4,
            gil: true
        })
    );
    assert_eq!(
        decode("#example/queue&step=3&cores=8&gil=off"),
        Ok(Link::Example {
            name: "queue".into(),
            step: Some(3),
            cores: 8,
            gil: false
        })
    );
    assert_eq!(
        encode_example("gil-convoy", 2, false, None),
        "example/gil-convoy&cores=2&gil=off"
    );
}

#[test]
fn hostile_links_give_messages_not_crashes() {
    let bad = [
        "#code/",
        "#code/%%%%",
        "#code/AAAA",
        "#code/!!!",
        "#garbage",
        "#code/N4Ig&cores=0",
        "#code/N4Ig&cores=99999999999",
        "#code/N4Ig&gil=maybe",
        "#code/N4Ig&step=-1",
        "#code/N4Ig&evil=1",
    ];
    for b in bad {
        assert!(decode(b).is_err(), "{b} should be refused");
    }
    // Truncating a valid link anywhere never panics.
    let frag = encode(&Scenario::new(
        "import asyncio\nprint('truncate me please')\n".repeat(20),
    ));
    for cut in 0..frag.len() {
        let _ = decode(&frag[..cut]);
    }
    // A huge fragment is refused before decoding.
    let huge = format!("#code/{}", "A".repeat(MAX_FRAGMENT + 1));
    assert!(decode(&huge)
        .expect_err("a huge link is refused")
        .contains("KB"));
}

#[test]
fn a_decompression_bomb_is_capped() {
    // 300,000 repetitions compress to a few hundred bytes and would decode to
    // far more than a program may be.
    let bomb = lz_str::compress_to_encoded_uri_component(&"a".repeat(300_000));
    assert!(bomb.len() < 10_000);
    let err = decode(&format!("#code/{bomb}")).expect_err("a bomb is refused");
    assert!(err.contains("more than 100 KB"), "{err}");
}
