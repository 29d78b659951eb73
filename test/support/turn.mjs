// The coturn launcher ships with the CLI (cli/turn.mjs); tests and benchmarks use the same one.
export * from '../../cli/turn.mjs';
