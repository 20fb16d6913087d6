// The program editor of the loopscope page: CodeMirror 6, bundled by
// www/build-editor.mjs (esbuild) into one classic script that defines
// `window.LoopscopeEditor`. The page does not load it up front: the wasm app
// renders first with a plain textarea, then adds the bundle's <script>
// (crates/web/src/editor.rs), and the editor takes over from the textarea.
// The Rust app drives it through wasm-bindgen:
//
//   const ed = LoopscopeEditor.create(parent, doc, (newDoc) => …, textarea?);
//   ed.getDoc(); ed.setDoc(text); ed.setDiagnostics([{from, to, message}]);
//   ed.highlightLine(n); ed.focus(); ed.destroy();
//   LoopscopeEditor.of(parent) === ed   // for tests and benchmarks
//
// Diagnostic offsets are BYTE offsets into the UTF-8 text (as the Rust side
// counts them); they are converted to CodeMirror (UTF-16) positions here.

import { Annotation, Compartment, EditorState, RangeSetBuilder, StateEffect, StateField, countColumn } from "@codemirror/state";
import {
  Decoration,
  EditorView,
  ViewPlugin,
  crosshairCursor,
  drawSelection,
  dropCursor,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
  rectangularSelection,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab, isolateHistory } from "@codemirror/commands";
import {
  HighlightStyle,
  LanguageSupport,
  bracketMatching,
  defaultHighlightStyle,
  foldGutter,
  foldKeymap,
  indentOnInput,
  indentUnit,
  syntaxHighlighting,
} from "@codemirror/language";
import { pythonLanguage } from "@codemirror/lang-python";
import { lintGutter, lintKeymap, setDiagnostics } from "@codemirror/lint";
import { highlightSelectionMatches, search, searchKeymap } from "@codemirror/search";
import { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { tags as t } from "@lezer/highlight";

/* ---------- byte offsets (UTF-8) -> CodeMirror positions (UTF-16) ---------- */

/** UTF-8 length of the code point starting at UTF-16 index `i` of `s`, and its UTF-16 length. */
function charAt(s, i) {
  const c = s.charCodeAt(i);
  if (c < 0x80) return [1, 1];
  if (c < 0x800) return [2, 1];
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return [4, 2];
  }
  return [3, 1];
}

/**
 * Convert byte offsets into `text` to UTF-16 positions, in one pass.
 * Offsets are clamped to [0, byte length]; one that falls inside a multi-byte
 * character maps to the start of that character. Non-numbers map to 0.
 */
export function bytesToPositions(text, offsets) {
  const order = offsets
    .map((b, k) => [Number.isFinite(b) ? Math.max(0, Math.floor(b)) : 0, k])
    .sort((a, b) => a[0] - b[0]);
  const out = new Array(offsets.length);
  let i = 0; // UTF-16 index
  let byte = 0; // byte offset of index i
  for (const [b, k] of order) {
    while (i < text.length) {
      const [nb, nu] = charAt(text, i);
      if (byte + nb > b) break;
      byte += nb;
      i += nu;
    }
    out[k] = i;
  }
  return out;
}

/* ---------- the running-line highlight ---------- */

const setRunningLine = StateEffect.define();
const runningLineDeco = Decoration.line({ class: "cm-ls-running" });

const runningLine = StateField.define({
  create: () => Decoration.none,
  update(deco, tr) {
    deco = deco.map(tr.changes);
    for (const e of tr.effects) {
      if (e.is(setRunningLine)) {
        deco = e.value == null ? Decoration.none : Decoration.set([runningLineDeco.range(e.value)]);
      }
    }
    return deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

/* ---------- narrow screens: long lines wrap ---------- */

// On a phone, a line longer than the editor is wide would scroll the whole
// program sideways to keep the cursor in view, and with it the indentation
// that shows a Python program's structure. Below the page's phone width
// (www/style.css) long lines wrap instead, with a hanging indent: a wrapped
// line's later rows start two columns right of where its code starts. The
// indent is a class per column (cm-ls-hangN), since the page's
// Content-Security-Policy allows no style attributes.
const NARROW = "(max-width: 600px)";
const MAX_HANG = 40;
const HANG = 2;
const hangMarks = Array.from({ length: MAX_HANG + 1 }, (_, n) => Decoration.line({ class: `cm-ls-hang${n}` }));
const hangRules = {};
for (let n = 1; n <= MAX_HANG; n++) {
  hangRules[`.cm-content.cm-lineWrapping .cm-line.cm-ls-hang${n}`] = { paddingLeft: `calc(6px + ${n + HANG}ch)`, textIndent: `-${n + HANG}ch` };
}
const hangTheme = EditorView.theme({
  // Lines with no indentation (their later rows HANG columns in).
  ".cm-content.cm-lineWrapping .cm-line": { paddingLeft: `calc(6px + ${HANG}ch)`, textIndent: `-${HANG}ch` },
  ...hangRules,
});

/** The visible lines' hanging indents: each line's leading whitespace, in columns. */
function hangingIndents(view) {
  const marks = new RangeSetBuilder();
  const { doc, tabSize } = view.state;
  let last = 0;
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to; ) {
      const line = doc.lineAt(pos);
      if (line.number > last) {
        last = line.number;
        const lead = /^[ \t]*/.exec(line.text)[0];
        const cols = Math.min(countColumn(lead, tabSize), MAX_HANG);
        if (cols > 0) marks.add(line.from, line.from, hangMarks[cols]);
      }
      pos = line.to + 1;
    }
  }
  return marks.finish();
}

const hangingIndent = ViewPlugin.fromClass(
  class {
    constructor(view) {
      this.decorations = hangingIndents(view);
    }
    update(u) {
      if (u.docChanged || u.viewportChanged) this.decorations = hangingIndents(u.view);
    }
  },
  { decorations: (p) => p.decorations },
);

const wrapFor = (narrow) => (narrow ? [EditorView.lineWrapping, hangingIndent, hangTheme] : []);

/* ---------- themes ---------- */

const base = EditorView.theme({
  "&": { height: "100%", fontSize: "14px" },
  ".cm-scroller": {
    // The page's --editor-font (www/style.css), which the textarea shown
    // while this bundle loads uses too.
    fontFamily: 'var(--editor-font, ui-monospace, "SFMono-Regular", "Cascadia Code", "DejaVu Sans Mono", Menlo, Consolas, monospace)',
    lineHeight: "1.5",
  },
  ".cm-content": { paddingBlock: "6px" },
  ".cm-gutters": { borderRight: "1px solid var(--ls-editor-gutter-border, transparent)" },
});

const lightTheme = EditorView.theme(
  {
    "&": { color: "#1f2328", backgroundColor: "#ffffff" },
    ".cm-content": { caretColor: "#1f2328" },
    ".cm-cursor, .cm-dropCursor": { borderLeftColor: "#1f2328" },
    "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": { backgroundColor: "#b6d6fd" },
    ".cm-gutters": { backgroundColor: "#f6f8fa", color: "#6e7781", borderRightColor: "#d0d7de" },
    ".cm-activeLine": { backgroundColor: "#f3f6fa" },
    ".cm-activeLineGutter": { backgroundColor: "#e8edf3", color: "#1f2328" },
    ".cm-ls-running": { backgroundColor: "#fff3b0", boxShadow: "inset 3px 0 0 #d4a72c" },
    "&.cm-focused .cm-matchingBracket": { backgroundColor: "#c8e6c9", outline: "1px solid #81c784" },
    "&.cm-focused .cm-nonmatchingBracket": { backgroundColor: "#ffcdd2" },
  },
  { dark: false },
);

const darkTheme = EditorView.theme(
  {
    "&": { color: "#e6edf3", backgroundColor: "#0d1117" },
    ".cm-content": { caretColor: "#e6edf3" },
    ".cm-cursor, .cm-dropCursor": { borderLeftColor: "#e6edf3" },
    "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": { backgroundColor: "#264f78" },
    ".cm-gutters": { backgroundColor: "#0d1117", color: "#7d8590", borderRightColor: "#30363d" },
    ".cm-activeLine": { backgroundColor: "#161b22" },
    ".cm-activeLineGutter": { backgroundColor: "#1c2128", color: "#e6edf3" },
    ".cm-ls-running": { backgroundColor: "#3d3413", boxShadow: "inset 3px 0 0 #d4a72c" },
    "&.cm-focused .cm-matchingBracket": { backgroundColor: "#2d4a2f", outline: "1px solid #3fb950" },
    "&.cm-focused .cm-nonmatchingBracket": { backgroundColor: "#5a1e1e" },
    ".cm-tooltip": { backgroundColor: "#161b22", color: "#e6edf3", border: "1px solid #30363d" },
    ".cm-panels": { backgroundColor: "#161b22", color: "#e6edf3" },
    ".cm-textfield": { backgroundColor: "#0d1117", color: "#e6edf3", border: "1px solid #30363d" },
    ".cm-button": { backgroundImage: "none", backgroundColor: "#21262d", color: "#e6edf3", border: "1px solid #30363d" },
    ".cm-searchMatch": { backgroundColor: "#5c4b12" },
    ".cm-selectionMatch": { backgroundColor: "#233044" },
  },
  { dark: true },
);

const darkHighlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword, t.operatorKeyword], color: "#ff7b72" },
  { tag: [t.bool, t.null, t.atom], color: "#79c0ff" },
  { tag: [t.number], color: "#79c0ff" },
  { tag: [t.string, t.special(t.string)], color: "#a5d6ff" },
  { tag: [t.comment, t.lineComment], color: "#8b949e", fontStyle: "italic" },
  { tag: [t.function(t.variableName), t.function(t.propertyName), t.function(t.definition(t.variableName))], color: "#d2a8ff" },
  { tag: [t.definition(t.className), t.className], color: "#ffa657" },
  { tag: [t.self, t.special(t.variableName)], color: "#ffa657" },
  { tag: [t.propertyName], color: "#e6edf3" },
  { tag: [t.operator, t.punctuation, t.bracket], color: "#e6edf3" },
  { tag: [t.escape, t.regexp], color: "#7ee787" },
  { tag: t.invalid, color: "#f85149" },
]);

const themeFor = (dark) =>
  dark
    ? [darkTheme, syntaxHighlighting(darkHighlight)]
    : [lightTheme, syntaxHighlighting(defaultHighlightStyle)];

const mediaQuery = (q) => (typeof window !== "undefined" && window.matchMedia ? window.matchMedia(q) : null);

/** Call `f(matches)` whenever `mq` (a MediaQueryList or null) changes; returns what stops it. */
function follow(mq, f) {
  if (!mq) return () => {};
  const on = (e) => f(e.matches);
  if (mq.addEventListener) mq.addEventListener("change", on);
  else if (mq.addListener) mq.addListener(on);
  return () => {
    if (mq.removeEventListener) mq.removeEventListener("change", on);
    else if (mq.removeListener) mq.removeListener(on);
  };
}

/* ---------- the editor ---------- */

// Marks transactions made by setDoc, so they do not call onChange.
const external = Annotation.define();

// The editor created in each parent element, for LoopscopeEditor.of.
const byParent = new WeakMap();

function baseExtensions(themeCompartment, dark, wrapCompartment, narrow, onUpdate) {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    foldGutter(),
    lintGutter(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    dropCursor(),
    EditorState.allowMultipleSelections.of(true),
    EditorState.tabSize.of(4),
    indentUnit.of("    "),
    indentOnInput(),
    bracketMatching(),
    closeBrackets(),
    rectangularSelection(),
    crosshairCursor(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    search({ top: true }),
    keymap.of([
      ...closeBracketsKeymap,
      ...defaultKeymap,
      ...searchKeymap,
      ...historyKeymap,
      ...foldKeymap,
      ...lintKeymap,
      indentWithTab,
    ]),
    // The Python language without python()'s completion sources: the editor has no
    // autocompletion, and leaving them out keeps ~13 KB out of the bundle.
    new LanguageSupport(pythonLanguage),
    runningLine,
    base,
    themeCompartment.of(themeFor(dark)),
    wrapCompartment.of(wrapFor(narrow)),
    EditorView.contentAttributes.of({ "aria-label": "Python program" }),
    EditorView.updateListener.of(onUpdate),
    EditorView.domEventHandlers({ beforeinput: typeOverSelection }),
  ];
}

/**
 * Text typed over a selection, made as a CodeMirror transaction instead of by
 * the browser. Left to itself, Chrome deletes the selected lines in the DOM
 * first and writes style="…" attributes into what it joins, which the page's
 * Content-Security-Policy blocks: a console error on every such keystroke.
 * The transaction is the one CodeMirror makes of typed text: its input
 * handlers (closeBrackets wraps a selection in brackets) go first, the user
 * event is "input.type" (undo grouping, indentOnInput). IME composition and
 * typing at a cursor are left to the browser as before.
 */
function typeOverSelection(event, view) {
  const { state } = view;
  if (event.inputType !== "insertText" || typeof event.data !== "string" || !event.cancelable) return false;
  if (view.composing || state.selection.ranges.every((r) => r.empty)) return false;
  const text = event.data;
  const { from, to } = state.selection.main;
  let tr = null;
  const insert = () =>
    tr || (tr = state.update(state.replaceSelection(text), { userEvent: "input.type", scrollIntoView: true }));
  event.preventDefault();
  if (!state.facet(EditorView.inputHandler).some((h) => h(view, from, to, text, insert))) view.dispatch(insert());
  return true;
}

/**
 * What a person sees of a textarea the editor replaces: its text, selection,
 * focus and scroll position. The page styles the textarea like the editor
 * (same font, line height and padding above the first line, a blank gutter:
 * www/style.css), so the same scroll offsets show the same lines.
 */
function textareaState(textarea) {
  const text = String(textarea.value);
  const clamp = (n) => Math.min(Math.max(Number(n) || 0, 0), text.length);
  const start = clamp(textarea.selectionStart);
  const end = Math.max(start, clamp(textarea.selectionEnd));
  const backward = textarea.selectionDirection === "backward";
  const root = textarea.getRootNode ? textarea.getRootNode() : document;
  return {
    text,
    selection: backward ? { anchor: end, head: start } : { anchor: start, head: end },
    focused: root.activeElement === textarea,
    scrollTop: textarea.scrollTop,
    scrollLeft: textarea.scrollLeft,
  };
}

/**
 * A new editor in `parent`. With `textarea` (the page's plain editor while
 * this bundle loaded), the editor takes over from it: its text rather than
 * `initialDoc`, its selection, focus and scroll position; the textarea is
 * hidden at once (whoever made it removes it). If the person was using it
 * (focused or scrolled), highlightLine leaves the view where it is until the
 * task that created the editor has ended.
 */
function create(parent, initialDoc, onChange, textarea) {
  if (!parent || typeof parent.appendChild !== "function") {
    throw new TypeError("LoopscopeEditor.create: parentElement must be a DOM element");
  }
  const from = textarea ? textareaState(textarea) : null;
  const dark = mediaQuery("(prefers-color-scheme: dark)");
  const narrow = mediaQuery(NARROW);
  const theme = new Compartment();
  const wrap = new Compartment();
  const onUpdate = (update) => {
    if (!update.docChanged || typeof onChange !== "function") return;
    if (update.transactions.every((tr) => !tr.docChanged || tr.annotation(external))) return;
    onChange(update.state.doc.toString());
  };
  // Hidden first, so that the editor is laid out where the textarea was.
  if (textarea) textarea.hidden = true;
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: from ? from.text : initialDoc == null ? "" : String(initialDoc),
      selection: from ? from.selection : undefined,
      extensions: baseExtensions(theme, !!(dark && dark.matches), wrap, !!(narrow && narrow.matches), onUpdate),
    }),
  });
  if (from) {
    if (from.focused) view.focus();
    if (from.scrollTop || from.scrollLeft) {
      // After the first measure, when the lines have their real heights.
      view.requestMeasure({
        read: () => null,
        write: () => {
          view.scrollDOM.scrollTop = from.scrollTop;
          view.scrollDOM.scrollLeft = from.scrollLeft;
        },
      });
    }
  }

  // Follow the colour scheme and the screen's width live.
  const unfollow = [
    follow(dark, (on) => view.dispatch({ effects: theme.reconfigure(themeFor(on)) })),
    follow(narrow, (on) => view.dispatch({ effects: wrap.reconfigure(wrapFor(on)) })),
  ];

  // A click anywhere in the parent (outside the text itself: below the last
  // line, beside the editor box) puts the cursor at the nearest position.
  const onParentDown = (e) => {
    if (e.button !== 0) return;
    const tgt = e.target;
    const blank = tgt === parent || tgt === view.dom || tgt === view.scrollDOM || !view.dom.contains(tgt);
    if (!blank) return;
    e.preventDefault();
    const pos = view.posAtCoords({ x: e.clientX, y: e.clientY }, false) ?? view.state.doc.length;
    view.focus();
    view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
  };
  parent.addEventListener("mousedown", onParentDown);

  let destroyed = false;
  // Whether the person was using the textarea this editor took over from:
  // then the running line the app sends as it takes over does not scroll.
  let keepView = !!from && (from.focused || from.scrollTop > 0 || from.scrollLeft > 0);
  if (keepView) setTimeout(() => (keepView = false), 0);
  const handle = {
    /** The whole program text. */
    getDoc: () => view.state.doc.toString(),

    /** Replace the whole program (undoable); does not call onChange. */
    setDoc(text) {
      text = text == null ? "" : String(text);
      const cur = view.state.doc.toString();
      if (cur === text) return;
      // Replace only the differing middle, so the cursor and scroll stay where they are when possible.
      let start = 0;
      const max = Math.min(cur.length, text.length);
      while (start < max && cur.charCodeAt(start) === text.charCodeAt(start)) start++;
      let endCur = cur.length;
      let endNew = text.length;
      while (endCur > start && endNew > start && cur.charCodeAt(endCur - 1) === text.charCodeAt(endNew - 1)) {
        endCur--;
        endNew--;
      }
      view.dispatch({
        changes: { from: start, to: endCur, insert: text.slice(start, endNew) },
        // its own undo step, never merged with the typing around it
        annotations: [external.of(true), isolateHistory.of("full")],
      });
    },

    /**
     * Show errors: `list` is an array (or its JSON text) of {from, to, message}
     * with BYTE offsets into the UTF-8 program; optional `severity`
     * ("error" by default, "warning", "info", "hint"). An empty list clears them.
     */
    setDiagnostics(list) {
      if (typeof list === "string") list = list.trim() ? JSON.parse(list) : [];
      if (list == null) list = [];
      list = Array.from(list);
      const text = view.state.doc.toString();
      const flat = [];
      for (const d of list) flat.push(Number(d && d.from), Number(d && d.to));
      const pos = bytesToPositions(text, flat);
      const len = text.length;
      const diagnostics = list.map((d, k) => {
        let from = Math.min(pos[2 * k], len);
        let to = Math.min(Number.isFinite(flat[2 * k + 1]) ? pos[2 * k + 1] : from, len);
        if (to < from) [from, to] = [to, from];
        if (from === to) {
          // Give an empty range one character, so it gets a visible underline.
          const line = view.state.doc.lineAt(from);
          if (to < line.to) to = Math.min(len, from + charAt(text, from)[1]);
          else if (from > line.from) from -= from >= 2 && charAt(text, from - 2)[1] === 2 ? 2 : 1;
        }
        const severity = ["error", "warning", "info", "hint"].includes(d && d.severity) ? d.severity : "error";
        return { from, to, severity, message: String((d && d.message) ?? "") };
      });
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },

    /**
     * Highlight line `n` (1-based) as the running line, scrolling it into view
     * if it is off screen; 0 clears. (Not as the editor takes over from a
     * textarea the person was using: that would scroll the program away from
     * where they are.)
     */
    highlightLine(n) {
      n = Math.floor(Number(n));
      const doc = view.state.doc;
      if (!Number.isFinite(n) || n < 1) {
        view.dispatch({ effects: setRunningLine.of(null) });
        return;
      }
      const line = doc.line(Math.min(n, doc.lines));
      const effects = [setRunningLine.of(line.from)];
      if (!keepView) effects.push(EditorView.scrollIntoView(line.from, { y: "nearest", yMargin: 24 }));
      view.dispatch({ effects });
    },

    focus: () => view.focus(),

    destroy() {
      if (destroyed) return;
      destroyed = true;
      for (const stop of unfollow) stop();
      parent.removeEventListener("mousedown", onParentDown);
      if (byParent.get(parent) === handle) byParent.delete(parent);
      view.destroy();
    },

    /** The CodeMirror view, for tests and debugging. */
    view,
  };
  byParent.set(parent, handle);
  return handle;
}

/**
 * The editor that `create` made in `parent` (and that is not destroyed), or null.
 * For tests and benchmarks: `of(el).view.dispatch({changes})` edits as a user would,
 * calling onChange, where setDoc does not.
 */
const of = (parent) => byParent.get(parent) ?? null;

const LoopscopeEditor = Object.freeze({ create, bytesToPositions, of });
if (typeof window !== "undefined") window.LoopscopeEditor = LoopscopeEditor;
export default LoopscopeEditor;
