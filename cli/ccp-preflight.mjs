#!/usr/bin/env node
// ccp-preflight command line: `run` (the checks in headless Chromium or Firefox), `allowlist` (firewall rules),
// `log` (a CCP log) and `serve` (the fleet collector). Texts in the language of --lang (before or after the
// command), else LC_ALL / LC_MESSAGES / LANG (cli/lang.mjs); English before the package is built.
import { runMain } from './run.mjs';
import { T, speakLanguageOf } from './lang.mjs';

/** The help before a build (the built package's cliTexts.mainHelp() says the same in English). */
const USAGE = `Usage: ccp-preflight <command> [options]

Commands:
  run         Run the softphone checks in headless Chromium or Firefox and print the report
  allowlist   Print the network allowlist (domains and IP ranges) for an Amazon Connect instance and Region
  log         Read a CCP log (agent-log.txt): each call's quality, the softphone errors, the timeline
  serve       Run the fleet collector: agents' widgets post reports, supervisors see the fleet

Run "ccp-preflight <command> --help" for the command's options.
Exit codes: 0 pass, 1 warn, 2 fail, 3 usage or set-up error.`;

const argv = process.argv.slice(2);
// `ccp-preflight --lang es run ...`: a --lang before the command is the command's too (serve too).
const langFirst = [];
while (argv[0] === '--lang' || argv[0]?.startsWith('--lang=')) langFirst.push(...argv.splice(0, argv[0] === '--lang' ? 2 : 1));
const [cmd, ...rest] = argv;
const io = { stdout: process.stdout, stderr: process.stderr };
await speakLanguageOf([...langFirst, ...rest], process.env);
const usage = () => (T ? T.mainHelp() : USAGE);
let code;
try {
  if (cmd === 'run') code = await runMain([...langFirst, ...rest], io);
  else if (cmd === 'allowlist') {
    const { allowlistMain } = await import('./allowlist.mjs');
    code = await allowlistMain([...langFirst, ...rest], io);
  } else if (cmd === 'log') {
    const { logMain } = await import('./log.mjs');
    code = await logMain([...langFirst, ...rest], io);
  } else if (cmd === 'serve') {
    const { serveMain } = await import('./serve.mjs');
    code = await serveMain(rest, io);
  } else if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    io.stdout.write(usage() + '\n');
    code = cmd ? 0 : 3;
  } else if (cmd === '--version' || cmd === '-v') {
    const { readFileSync } = await import('node:fs');
    io.stdout.write(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version + '\n');
    code = 0;
  } else {
    io.stderr.write(`ccp-preflight: ${T ? T.unknownCommand(cmd) : `unknown command "${cmd}".`}\n\n${usage()}\n`);
    code = 3;
  }
} catch (e) {
  io.stderr.write(`ccp-preflight: ${e instanceof Error ? e.message : String(e)}\n`);
  code = 3;
}
process.exitCode = code;
