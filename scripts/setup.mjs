#!/usr/bin/env node
// `npm run setup`: everything a fresh Debian/Ubuntu machine needs for the demo and the tests.
//  1. Debian's chromium, firefox-esr, coturn and postgresql, with apt-get, when missing (as root, or through sudo);
//  2. the npm dependencies from the lockfile (npm ci).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const need = [];
if (!existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium') && !has('chromium')) need.push('chromium');
if (!has('turnserver') && !existsSync('/usr/bin/turnserver')) need.push('coturn');
if (!existsSync(process.env.FIREFOX_PATH || '/usr/bin/firefox-esr') && !has('firefox-esr')) need.push('firefox-esr');
// The collector's tests start a real PostgreSQL in a temp folder (the demo uses the embedded PGlite).
if (!existsSync('/usr/lib/postgresql') && !has('pg_ctl')) need.push('postgresql');

function run(cmd, args, env = process.env) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) {
    console.error(`setup: "${cmd} ${args.join(' ')}" failed (exit ${r.status ?? r.signal}).`);
    process.exit(1);
  }
}

if (need.length) {
  if (!has('apt-get')) {
    console.error(`setup: ${need.join(' and ')} missing and this is not a Debian/Ubuntu machine (no apt-get). Install them with your package manager, then run again.`);
    process.exit(1);
  }
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const prefix = root ? [] : has('sudo') ? ['sudo'] : null;
  if (!prefix) {
    console.error(`setup: ${need.join(' and ')} missing; run as root or install sudo: apt-get install -y ${need.join(' ')}`);
    process.exit(1);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (...a) => (prefix.length ? run('sudo', ['-E', 'apt-get', ...a], env) : run('apt-get', a, env));
  apt('update', '-qq');
  apt('install', '-y', '-qq', ...need);
} else {
  console.log('setup: chromium, firefox-esr, coturn and postgresql are installed.');
}
run('npm', ['ci', '--no-audit', '--no-fund']);
console.log('setup: done.');
