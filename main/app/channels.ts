/** The IPC channels, named once for main and preload. */
export const Channel = {
  command: 'sh:command',
  query: 'sh:query',
  savePdf: 'sh:save-pdf',
  replica: 'sh:replica',
  connection: 'sh:connection',
  face: 'sh:face',
  getConfig: 'sh:get-config',
  saveConfig: 'sh:save-config',
  printTicket: 'sh:print-ticket',
  enroll: 'sh:enroll',
  batch: 'sh:batch',
  snapshot: 'sh:snapshot',
  connectionChanged: 'sh:connection-changed',
} as const;
