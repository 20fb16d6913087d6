//! Small inline SVG icons (font glyphs for media controls are missing on many systems).

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub(crate) enum Icon {
    ToStart,
    StepBack,
    Play,
    Pause,
    StepForward,
    ToEnd,
    Link,
    Check,
}

#[component]
pub(crate) fn IconSvg(icon: Icon) -> impl IntoView {
    let (d, filled) = match icon {
        Icon::ToStart => ("M5 5h2.5v14H5zM19 5v14L8.5 12z", true),
        Icon::StepBack => ("M15 5l-7 7 7 7", false),
        Icon::Play => ("M7 4.5v15l12.5-7.5z", true),
        Icon::Pause => ("M6.5 5h4v14h-4zM13.5 5h4v14h-4z", true),
        Icon::StepForward => ("M9 5l7 7-7 7", false),
        Icon::ToEnd => ("M16.5 5H19v14h-2.5zM5 5v14l10.5-7z", true),
        Icon::Link => ("M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1", false),
        Icon::Check => ("M5 12.5l4.5 4.5L19 7.5", false),
    };
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=d fill=if filled { "currentColor" } else { "none" } stroke=if filled { "none" } else { "currentColor" } stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"/>
        </svg>
    }
}

/// An icon and its label, as a button shows them. Buttons that swap one pair for another
/// ("Play" and "Pause") swap two values of one type: the view is updated in place, and its
/// code is compiled once.
pub(crate) fn labelled(icon: Icon, label: &'static str) -> impl IntoView {
    view! { <IconSvg icon/>{label} }
}
