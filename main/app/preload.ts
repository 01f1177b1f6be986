import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { PreloadApi } from '../../shared/protocol';
import { Channel } from './channels';

/** One method per call; the page never sees ipcRenderer itself. */
function subscribe<T>(channel: string, listener: (value: T) => void): () => void {
  const wrapped = (_e: IpcRendererEvent, value: T) => listener(value);
  ipcRenderer.on(channel, wrapped);
  return () => ipcRenderer.removeListener(channel, wrapped);
}

export const preloadApi: PreloadApi = {
  command: (type, payload) => ipcRenderer.invoke(Channel.command, type, payload),
  query: (name, params) => ipcRenderer.invoke(Channel.query, name, params),
  savePdf: (fileName) => ipcRenderer.invoke(Channel.savePdf, fileName),
  replica: () => ipcRenderer.invoke(Channel.replica),
  onBatch: (listener) => subscribe(Channel.batch, listener),
  onSnapshot: (listener) => subscribe(Channel.snapshot, listener),
  connection: () => ipcRenderer.invoke(Channel.connection),
  onConnection: (listener) => subscribe(Channel.connectionChanged, listener),
  face: () => ipcRenderer.invoke(Channel.face),
  getConfig: () => ipcRenderer.invoke(Channel.getConfig),
  saveConfig: (config) => ipcRenderer.invoke(Channel.saveConfig, config),
  printTicket: () => ipcRenderer.invoke(Channel.printTicket),
  enroll: (hubUrl, code) => ipcRenderer.invoke(Channel.enroll, hubUrl, code),
};

contextBridge.exposeInMainWorld('servicehall', preloadApi);
