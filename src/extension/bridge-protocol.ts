/** Marks the page-world hook's messages; anything without it, or not matching the schema, is ignored. */
export const BRIDGE_TAG = 'bulwark.bridge.v1';

/**
 * The events of the synchronous path (DOM events dispatch synchronously across worlds). REQUEST_EVENT is
 * dispatched on the window with a JSON string (a RequestNow) as detail: only strings cross from the page's
 * world to the content script's, objects arrive as null. FORM_EVENT is dispatched on the form itself, with the
 * request id as detail: the content script reads the form's fields from the DOM. The content script calls
 * preventDefault when the request must be held; an event nobody cancelled means go on.
 */
export const REQUEST_EVENT = 'bulwark:request';
export const FORM_EVENT = 'bulwark:form';

/**
 * The most text one request carries to the synchronous path (characters); a body part longer than this
 * travels as a file (the file reader's limits and failure modes apply).
 */
export const MAX_TEXT = 1024 * 1024;
export const MAX_PARTS = 100;

/** A body's text with its media type, so that JSON and URL-encoded bodies are read as such. */
export type TextPart = { body: string; type: string } | { field: string; value: string };
export type BridgePart = TextPart | { file: Blob };

/**
 * upload: a network request of any API (fetch, XMLHttpRequest, beacon, WebSocket, EventSource);
 * file-input: a detached file chooser; paste: a clipboard read by the page; form: form.submit() or
 * requestSubmit(), whose fields the content script reads itself (parts are empty).
 */
export type BridgeKind = 'upload' | 'file-input' | 'paste' | 'form';

export interface BridgeRequest {
  tag: typeof BRIDGE_TAG;
  id: string;
  kind: BridgeKind;
  /** Without its query: the query travels as a part. */
  url: string;
  parts: BridgePart[];
}

/** The detail of REQUEST_EVENT, as JSON. `files`: the request also carries files or Blobs, read later. */
export interface RequestNow {
  id: string;
  url: string;
  parts: TextPart[];
  files: boolean;
}

/** The answer on the request's port; `text` only when the page is to get a redacted text (a clipboard read). */
export interface BridgeAnswer {
  go: boolean;
  text?: string;
}
