import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { ipcCalls, ipcEvents, type PreloadApi } from '../../shared/protocol';

/** One method per call of the IPC contract; the page never sees ipcRenderer itself. */
function subscribe(channel: string, listener: (value: unknown) => void): () => void {
  const wrapped = (_e: IpcRendererEvent, value: unknown) => listener(value);
  ipcRenderer.on(channel, wrapped);
  return () => ipcRenderer.removeListener(channel, wrapped);
}

export const preloadApi = Object.fromEntries([
  ...Object.entries(ipcCalls).map(([name, c]) => [name, (...args: unknown[]) => ipcRenderer.invoke(c.channel, ...args)]),
  ...Object.entries(ipcEvents).map(([name, channel]) => [name, (listener: (value: unknown) => void) => subscribe(channel, listener)]),
]) as PreloadApi;

contextBridge.exposeInMainWorld('servicehall', preloadApi);
