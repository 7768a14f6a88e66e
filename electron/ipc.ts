import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { Core } from './core/index';
import { TwoWayError, type Envelope } from '../shared/contract/errors';
import { isAppUrl } from './window';

/** The single IPC channel the preload uses; everything else is a channel name inside it. */
export const IPC_CHANNEL = 'twoway:invoke';

/**
 * Wires the core to IPC. A call is served only when it comes from our window's main frame showing
 * our own page; anything else (a sub-frame, another page, another window) is refused.
 */
export function registerIpc(ipcMain: IpcMain, core: Core, getWindowContents: () => WebContents | null, devUrl: string | null): void {
  ipcMain.handle(IPC_CHANNEL, async (event: IpcMainInvokeEvent, channel: unknown, input: unknown): Promise<Envelope> => {
    if (!isTrustedSender(event, getWindowContents(), devUrl)) {
      return { ok: false, error: { code: 'forbidden', message: 'This request did not come from TwoWay’s own window.' } };
    }
    try {
      return { ok: true, value: await core.call(channel, input) };
    } catch (error) {
      const e = error instanceof TwoWayError ? error : new TwoWayError('internal', 'Something went wrong and nothing was saved.');
      return { ok: false, error: e.toBody() };
    }
  });
}

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, windowContents: WebContents | null, devUrl: string | null): boolean {
  const frame = event.senderFrame;
  if (!frame || !windowContents || event.sender !== windowContents) return false;
  // Only the top frame: a sub-frame could be anything.
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url, devUrl);
}
