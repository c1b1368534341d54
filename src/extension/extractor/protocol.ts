import type { Extraction, ExtractLimits } from '../../core/extract';

/** The handshake the guard sends the file-reader frame, with the port all further messages use. */
export const EXTRACTOR_TAG = 'bulwark.extract.v1';

export interface ExtractRequest {
  id: number;
  name: string;
  bytes: ArrayBuffer;
  limits?: Partial<ExtractLimits>;
  /** Read the text in images (the policy's readImages). */
  ocr?: boolean;
}

export type ExtractReply = { id: number; result: Extraction } | { id: number; error: string };
