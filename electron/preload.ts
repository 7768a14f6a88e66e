import { contextBridge, ipcRenderer } from 'electron';

// Sandboxed preload: exposes exactly one function. No Node, no ipcRenderer, no generic send.
// The channel name is repeated from ipc.ts on purpose: a sandboxed preload may only require 'electron'.
contextBridge.exposeInMainWorld(
  'twoway',
  Object.freeze({
    invoke: (channel: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('twoway:invoke', channel, input),
  }),
);
