/** Marks the page-world hook's messages; anything without it, or not matching the schema, is ignored. */
export const BRIDGE_TAG = 'bulwark.bridge.v1';

export type BridgePart = { file: Blob } | { field: string; value: string };

export interface BridgeRequest {
  tag: typeof BRIDGE_TAG;
  id: string;
  kind: 'upload' | 'file-input';
  url: string;
  parts: BridgePart[];
}

