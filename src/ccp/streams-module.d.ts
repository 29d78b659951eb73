// amazon-connect-streams is a webpack IIFE whose types (src/index.d.ts) are a global namespace, not a module;
// importing it only runs the bundle, which sets globalThis.connect (typed structurally in connect-types.ts).
declare module 'amazon-connect-streams';
