/**
 * The language server's custom requests (its own protocol file is the single source of truth; it has
 * no runtime dependencies) and the messages between the extension and its preview webview.
 */
export {
  FIX_ALL_KIND,
  LintWorkspaceRequest,
  TemplateInfoRequest,
  type LintWorkspaceParams,
  type LintWorkspaceResult,
  type TemplateInfoParams,
  type TemplateInfoResult,
} from '@greenlight/language-server/protocol';
import type { TemplateInfoResult } from '@greenlight/language-server/protocol';

/** extension -> webview */
export type ToWebview = { seq: number } & (
  | { type: 'update'; info: TemplateInfoResult; fileName: string }
  | { type: 'empty'; reason: string; fileName?: string }
);

/** webview -> extension: what was rendered, so the extension (and its tests) know the DOM is current. */
export interface RenderedMessage {
  type: 'rendered';
  /** The `seq` of the message this render shows. */
  version: number;
  name: string;
  header: string;
  body: string;
  footer: string;
  buttons: string[];
}
/** Sent once the webview script listens; messages posted before that may be lost, so the last one is re-sent. */
export interface ReadyMessage {
  type: 'ready';
}
export type FromWebview = RenderedMessage | ReadyMessage;
