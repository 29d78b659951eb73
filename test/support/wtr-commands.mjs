// Extra @web/test-runner server commands (name -> (payload, turn) => result), e.g. the impairment proxy.
export const extraCommands = {};
