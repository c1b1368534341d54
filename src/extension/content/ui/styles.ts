/** The dialog's own styles, inside its shadow root: the page's CSS cannot reach them, and they cannot leak out. */
export const STYLES = `
:host { all: initial !important; }
.backdrop { position: fixed; inset: 0; z-index: 2147483647; display: flex; align-items: center; justify-content: center;
  background: rgba(0,0,0,.35); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.dialog { box-sizing: border-box; width: min(440px, calc(100vw - 16px)); max-height: calc(100vh - 16px); overflow: auto;
  padding: 16px 18px; border-radius: 10px; box-shadow: 0 8px 30px rgba(0,0,0,.35);
  background: var(--bg); color: var(--fg); border-top: 4px solid var(--accent); }
.dialog.block { --accent: var(--block); }
h2 { margin: 0 0 8px; font-size: 17px; }
p { margin: 6px 0; }
ul { margin: 4px 0 8px; padding-left: 20px; }
.previews { font-family: ui-monospace, Menlo, Consolas, monospace; color: var(--muted); }
.tag, .rule { color: var(--muted); }
.message { font-weight: 600; }
a { color: var(--link); }
label.justification { display: block; margin: 8px 0; }
textarea { box-sizing: border-box; display: block; width: 100%; min-height: 56px; margin-top: 4px; font: inherit;
  color: var(--fg); background: var(--field); border: 1px solid var(--border); border-radius: 6px; padding: 6px; }
textarea[aria-invalid="true"] { border-color: var(--block); }
.error { color: var(--block); }
.buttons { display: flex; flex-wrap: wrap; gap: 8px; justify-content: flex-end; margin-top: 12px; }
button { font: inherit; padding: 6px 12px; border-radius: 6px; border: 1px solid var(--border); background: var(--field); color: var(--fg); cursor: pointer; }
button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
button:focus-visible, a:focus-visible, textarea:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
progress { width: 100%; }
.description, .note { color: var(--muted); }
.voice { display: flex; flex-wrap: wrap; gap: 4px 16px; justify-content: flex-end; margin-top: 10px; }
button.link { border: none; background: none; padding: 2px 0; color: var(--link); text-decoration: underline; }
form.request h3 { margin: 12px 0 4px; font-size: 15px; }
label.field { display: block; margin: 8px 0; }
label.choice { display: block; margin: 2px 0; }
fieldset { border: 1px solid var(--border); border-radius: 6px; margin: 8px 0; padding: 4px 8px 6px; }
select { font: inherit; color: var(--fg); background: var(--field); border: 1px solid var(--border); border-radius: 6px; padding: 4px; margin-left: 6px; }
input:focus-visible, select:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
.sent { font-weight: 600; }
.light { --bg: #fff; --fg: #1b1b1f; --muted: #55565e; --field: #f4f4f6; --border: #8a8b93; --accent: #a15c00; --block: #b3261e; --link: #0b57d0; }
.dark { --bg: #202124; --fg: #ececf1; --muted: #b4b5bd; --field: #2d2e32; --border: #7c7d85; --accent: #f0a030; --block: #f28b82; --link: #8ab4f8; }
.dark button.primary { color: #202124; }
`;

/** The field marker's styles: the dialog's colours, a badge of 20 px that never takes more than its own box. */
export const MARKER_STYLES = `
:host { all: initial !important; }
.marker-frame { position: relative; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; pointer-events: none; }
.marker { pointer-events: auto; box-sizing: border-box; width: 20px; height: 20px; padding: 0; border-radius: 50%;
  border: 2px solid var(--bg); background: var(--accent); color: #fff; font: 700 12px/16px system-ui, sans-serif;
  cursor: pointer; box-shadow: 0 1px 4px rgba(0,0,0,.35); }
.block .marker { background: var(--block); }
.marker:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
.marker-details { pointer-events: auto; position: absolute; right: 0; top: 24px; box-sizing: border-box;
  width: max-content; max-width: min(320px, calc(100vw - 16px)); padding: 8px 10px; border-radius: 8px;
  background: var(--bg); color: var(--fg); border-top: 3px solid var(--accent); box-shadow: 0 4px 16px rgba(0,0,0,.3); }
.block .marker-details { border-top-color: var(--block); }
.marker-details p { margin: 0 0 4px; }
.marker-details ul { margin: 0; padding-left: 18px; }
.previews { font-family: ui-monospace, Menlo, Consolas, monospace; color: var(--muted); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.light { --bg: #fff; --fg: #1b1b1f; --muted: #55565e; --accent: #a15c00; --block: #b3261e; --link: #0b57d0; }
.dark { --bg: #202124; --fg: #ececf1; --muted: #b4b5bd; --accent: #a15c00; --block: #b3261e; --link: #8ab4f8; }
`;
