//! The lexer, parser and compiler on any text: diagnostics or a program, never
//! a panic, a hang or unbounded memory.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    for e in loopscope_core::check(source) {
        // Positions must point into the text: the editor underlines them.
        assert!(e.start <= e.end, "{e:?}");
        assert!(e.end as usize <= source.len(), "{e:?}");
        assert!(source.is_char_boundary(e.start as usize), "{e:?}");
        assert!(source.is_char_boundary(e.end as usize), "{e:?}");
        assert!(e.line >= 1 && e.col >= 1, "{e:?}");
    }
});
