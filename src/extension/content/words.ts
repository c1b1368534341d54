/**
 * The words the guard reads in a page's own interface (button names, field labels), in the languages of the
 * dialog and of the customers' clients: English, German, French, Spanish, Italian, Dutch, Portuguese and
 * Japanese. Lower case; the forms a button or placeholder uses (imperative, infinitive, noun).
 */

/** Buttons that send what a composer holds. */
export const SEND_WORDS: readonly string[] = [
  // English
  'send', 'submit', 'post', 'reply', 'respond', 'ask', 'go', 'run', 'share', 'upload', 'save', 'publish', 'comment', 'add a comment', 'add comment', 'tweet', 'update',
  // German
  'senden', 'absenden', 'sende', 'verschicken', 'abschicken', 'einreichen', 'übermitteln', 'posten', 'antworten', 'antwort', 'teilen', 'speichern', 'veröffentlichen', 'kommentieren', 'fragen', 'hochladen',
  // French
  'envoyer', 'envoi', 'soumettre', 'publier', 'répondre', 'partager', 'enregistrer', 'sauvegarder', 'commenter', 'demander', 'valider',
  // Spanish
  'enviar', 'publicar', 'responder', 'compartir', 'guardar', 'comentar', 'preguntar',
  // Italian
  'invia', 'inviare', 'pubblica', 'pubblicare', 'rispondi', 'rispondere', 'condividi', 'salva', 'salvare', 'commenta', 'chiedi',
  // Dutch
  'verzenden', 'verstuur', 'versturen', 'plaatsen', 'publiceren', 'beantwoorden', 'antwoorden', 'delen', 'opslaan', 'bewaren', 'reageren', 'vragen',
  // Portuguese
  'enviar', 'submeter', 'responder', 'compartilhar', 'partilhar', 'salvar', 'gravar', 'comentar', 'perguntar',
  // Japanese
  '送信', '送る', '投稿', '返信', '保存', '共有', '公開', '提出', 'コメント', '質問',
];

/**
 * Fields that take a message, prompt or comment: where Enter sends rather than starts a line (placeholders like
 * "Ask anything", "Nachricht schreiben…", "Écrire un message", "メッセージを入力"). Notes are not here: Enter in
 * a notes box is a new line, and holding it would eat the line (a single-line field outside a form is decided
 * by what it holds instead: see interceptors/send.ts).
 */
export const PROMPT_WORDS: readonly string[] = [
  // English
  'prompt', 'message', 'ask', 'chat', 'reply', 'send', 'question', 'compose', 'write', 'comment', 'post', 'say',
  // German
  'nachricht', 'nachrichten', 'frage', 'fragen', 'schreiben', 'schreibe', 'antworten', 'antwort', 'kommentar', 'kommentieren', 'senden', 'eingabe',
  // French
  'message', 'demander', 'question', 'écrire', 'écrivez', 'répondre', 'réponse', 'commentaire', 'discuter', 'envoyer',
  // Spanish
  'mensaje', 'pregunta', 'preguntar', 'escribir', 'escribe', 'responder', 'respuesta', 'comentario', 'enviar',
  // Italian
  'messaggio', 'domanda', 'chiedi', 'scrivi', 'scrivere', 'rispondi', 'risposta', 'commento', 'invia',
  // Dutch
  'bericht', 'vraag', 'vragen', 'schrijf', 'schrijven', 'antwoord', 'reactie', 'opmerking', 'verzenden',
  // Portuguese
  'mensagem', 'pergunta', 'perguntar', 'escrever', 'escreva', 'responder', 'resposta', 'comentário', 'comentario', 
  // Japanese
  'メッセージ', '質問', '入力', '返信', 'コメント', 'チャット', '送信', 'プロンプト',
];

/**
 * Controls that work on the composer rather than send it: formatting, pickers, attachments, closing. A button
 * named so is never taken for a send, whatever the composer holds.
 */
export const TOOL_WORDS: readonly string[] = [
  // English
  'bold', 'italic', 'underline', 'strikethrough', 'emoji', 'attach', 'attachment', 'insert', 'link', 'image', 'format', 'formatting', 'bullet', 'list', 'quote', 'code', 'heading', 'font', 'mention', 'gif', 'sticker', 'undo', 'redo', 'cancel', 'close', 'discard', 'delete', 'clear', 'more', 'options', 'settings', 'expand', 'collapse', 'preview', 'menu', 'help', 'dictate', 'voice',
  // German
  'fett', 'kursiv', 'unterstrichen', 'durchgestrichen', 'anhängen', 'anhang', 'einfügen', 'bild', 'formatierung', 'liste', 'zitat', 'überschrift', 'schriftart', 'rückgängig', 'wiederholen', 'abbrechen', 'schließen', 'verwerfen', 'löschen', 'leeren', 'mehr', 'optionen', 'einstellungen', 'vorschau', 'hilfe',
  // French
  'gras', 'italique', 'souligné', 'barré', 'joindre', 'pièce jointe', 'insérer', 'lien', 'mise en forme', 'liste', 'citation', 'titre', 'police', 'annuler', 'rétablir', 'fermer', 'supprimer', 'effacer', 'plus', 'paramètres', 'aperçu', 'aide',
  // Spanish
  'negrita', 'cursiva', 'subrayado', 'tachado', 'adjuntar', 'adjunto', 'insertar', 'enlace', 'imagen', 'formato', 'lista', 'cita', 'deshacer', 'rehacer', 'cancelar', 'cerrar', 'descartar', 'eliminar', 'borrar', 'más', 'opciones', 'configuración', 'vista previa', 'ayuda',
  // Italian
  'grassetto', 'corsivo', 'sottolineato', 'barrato', 'allega', 'allegato', 'inserisci', 'collegamento', 'immagine', 'formattazione', 'elenco', 'citazione', 'annulla', 'ripeti', 'chiudi', 'scarta', 'elimina', 'cancella', 'altro', 'opzioni', 'impostazioni', 'anteprima', 'aiuto',
  // Dutch
  'vet', 'cursief', 'onderstrepen', 'doorhalen', 'bijvoegen', 'bijlage', 'invoegen', 'afbeelding', 'opmaak', 'lijst', 'citaat', 'ongedaan maken', 'opnieuw', 'annuleren', 'sluiten', 'verwijderen', 'wissen', 'meer', 'opties', 'instellingen', 'voorbeeld',
  // Portuguese
  'negrito', 'itálico', 'sublinhado', 'riscado', 'anexar', 'anexo', 'inserir', 'link', 'imagem', 'formatação', 'lista', 'citação', 'desfazer', 'refazer', 'cancelar', 'fechar', 'descartar', 'excluir', 'apagar', 'limpar', 'mais', 'opções', 'configurações', 'visualizar', 'ajuda',
  // Japanese
  '太字', '斜体', '下線', '取り消し線', '絵文字', '添付', '挿入', 'リンク', '画像', '書式', 'リスト', '引用', '元に戻す', 'やり直し', 'キャンセル', '閉じる', '破棄', '削除', 'クリア', 'その他', '設定', 'プレビュー', 'ヘルプ',
];

/**
 * Scripts written without spaces between words (Japanese, Chinese): a word there stands inside a phrase
 * ("メッセージを入力"), so it is matched as a substring. Made on first use: building a regex of Unicode
 * properties takes some 0.3 ms, which no page load should pay.
 */
let unspacedScripts: RegExp | undefined;
const unspaced = (w: string) => (unspacedScripts ??= new RegExp('[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}]', 'u')).test(w);

const compiled = new WeakMap<readonly string[], RegExp>();

/**
 * Whether `text` contains one of `words` as a whole word. `\b` knows only ASCII letters ("é" and "ü" would end
 * a word): a word here ends at anything that is not a letter, mark or digit of any script.
 */
export function hasWord(text: string, words: readonly string[]): boolean {
  let re = compiled.get(words);
  if (!re) {
    const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
    const cjk = words.filter(unspaced);
    const spaced = words.filter((w) => !cjk.includes(w)).map(escape);
    re = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${spaced.join('|')})(?![\\p{L}\\p{M}\\p{N}])${cjk.length ? `|${cjk.map(escape).join('|')}` : ''}`, 'iu');
    compiled.set(words, re);
  }
  return re.test(text.normalize('NFC'));
}
