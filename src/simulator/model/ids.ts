/** Ids of diagram items: `<kind>:<name>`, so an id says what it stands for. */
export const podId = (namespace: string, name: string) => `pod:${namespace}/${name}`;
export const nodeId = (name: string) => `node:${name}`;
export const pendingId = 'pending';
export const ghostId = (namespace: string, name: string) => `ghost:${namespace}/${name}`;
export const dirId = (node: string, path: string) => `dir:${node}:${path}`;
export const claimId = (namespace: string, name: string) => `pvc:${namespace}/${name}`;
export const volumeId = (name: string) => `pv:${name}`;
export const diskId = (key: string) => `disk:${key}`;
export const classId = (name: string) => `sc:${name}`;
