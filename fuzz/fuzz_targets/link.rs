//! The scenario-link decoder on any fragment: a scenario or a message, never a
//! panic; a scenario's program is within the source limit and survives a round trip.
#![no_main]

use libfuzzer_sys::fuzz_target;
use loopscope_share::{decode, encode, Link};

fuzz_target!(|data: &[u8]| {
    let Ok(fragment) = std::str::from_utf8(data) else {
        return;
    };
    match decode(fragment) {
        Ok(Link::Code(s)) => {
            assert!(s.code.len() <= loopscope_core::MAX_SOURCE_BYTES);
            let again = decode(&encode(&s));
            assert_eq!(again, Ok(Link::Code(s)));
        }
        Ok(_) => {}
        Err(message) => assert!(!message.is_empty()),
    }
});
