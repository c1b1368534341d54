// The rich editors that real web apps use, each mounted from its npm package, with a way for the tests to
// read the editor's own model and to undo through the editor's history.
import { ClassicEditor, Essentials, Paragraph } from 'ckeditor5';
import { createEditor as createLexical, $getRoot, UNDO_COMMAND } from 'lexical';
import { registerRichText } from '@lexical/rich-text';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { baseKeymap } from 'prosemirror-commands';
import { history, undo as pmUndo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { schema } from 'prosemirror-schema-basic';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import Quill from 'quill';
import { createEditor as createRooster, undo as roosterUndo } from 'roosterjs';
import tinymce from 'tinymce';
import 'tinymce/models/dom';
import 'tinymce/themes/silver';
import 'tinymce/icons/default';

interface Mounted {
  text(): string;
  undo(): void;
}

const params = new URLSearchParams(location.search);
/** ?shadow=open puts the editor inside a shadow root, as web-component apps do. */
const host = ((): HTMLDivElement => {
  const outer = document.getElementById('editor') as HTMLDivElement;
  if (params.get('shadow') !== 'open') return outer;
  const inner = document.createElement('div');
  outer.attachShadow({ mode: 'open' }).append(inner);
  return inner;
})();

const editors: Record<string, () => Promise<Mounted>> = {
  async prosemirror() {
    const view = new EditorView(host, { state: EditorState.create({ schema, plugins: [history(), keymap(baseKeymap)] }) });
    return { text: () => view.state.doc.textContent, undo: () => void pmUndo(view.state, view.dispatch) };
  },
  async quill() {
    const quill = new Quill(host);
    return { text: () => quill.getText().replace(/\n$/, ''), undo: () => quill.history.undo() };
  },
  async lexical() {
    const root = document.createElement('div');
    root.contentEditable = 'true';
    host.append(root);
    const editor = createLexical({ namespace: 'test', onError: (e) => { throw e; } });
    editor.setRootElement(root);
    registerRichText(editor);
    registerHistory(editor, createEmptyHistoryState(), 0);
    return {
      text: () => editor.getEditorState().read(() => $getRoot().getTextContent()),
      undo: () => void editor.dispatchCommand(UNDO_COMMAND, undefined),
    };
  },
  async ckeditor() {
    const editor = await ClassicEditor.create(host, { licenseKey: 'GPL', plugins: [Essentials, Paragraph] });
    return { text: () => editor.getData().replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' '), undo: () => editor.execute('undo') };
  },
  async tinymce() {
    const [editor] = await tinymce.init({ target: host, license_key: 'gpl', skin: false, content_css: false, menubar: false, toolbar: false, plugins: [] });
    return { text: () => editor!.getContent({ format: 'text' }), undo: () => void editor!.undoManager.undo() };
  },
  async roosterjs() {
    host.contentEditable = 'true';
    const editor = createRooster(host);
    return { text: () => host.innerText.replace(/\n$/, ''), undo: () => roosterUndo(editor) };
  },
};

const name = params.get('e') ?? '';
const mount = editors[name];
if (!mount) throw new Error(`no editor ${name}`);
mount().then((m) => Object.assign(window, { editor: m, editorReady: true }));
