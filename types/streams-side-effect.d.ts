// For the tools' typecheck only: `import('amazon-connect-streams')` is a side-effect import (Streams sets the
// global `connect`), and its published types are a global script that checkJs refuses as a module.
export {};
