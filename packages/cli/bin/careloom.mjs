#!/usr/bin/env node
// careloom validate|import <bundle> and careloom export: template bundles against a running server.
// <bundle> is a folder (manifest.json at its root), a .zip archive or a .json file {"files": {...}}.
// The server and the API token come from --url/--token or CARELOOM_URL/CARELOOM_TOKEN.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readFolder } from '../src/bundle-files.mjs';
import { DEMO_USAGE, demoOptions, runDemo } from '../src/demo/demo-command.mjs';

const USAGE = `usage:
  careloom validate <bundle>        check a bundle, list every problem
  careloom import <bundle>          validate, then install or upgrade it
  careloom export --key <key> --version <x.y.z> [--title <text>] [--forms a,b] [--processes p] [--rules r] [--out <dir>]
options: --url <server> (CARELOOM_URL, default http://localhost:3000)  --token <api token> (CARELOOM_TOKEN)
<bundle>: a folder with manifest.json, a .zip archive, or a .json file {"files": {"path": "text"}}

${DEMO_USAGE}`;

function fail(message, code = 2) {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/** The request body for a bundle path: JSON {files} for folders and .json, the raw archive for .zip. */
function bundleBody(target) {
  if (!fs.existsSync(target)) {
    fail(`no such bundle: ${target}`);
  }
  if (fs.statSync(target).isDirectory()) {
    return { type: 'application/json', body: JSON.stringify({ files: readFolder(target) }) };
  }
  if (target.endsWith('.zip')) {
    return { type: 'application/zip', body: fs.readFileSync(target) };
  }
  return { type: 'application/json', body: fs.readFileSync(target, 'utf8') };
}

async function call(options, method, route, { type = 'application/json', body } = {}) {
  if (!options.token) {
    fail('no API token: pass --token or set CARELOOM_TOKEN (create one under POST /api/auth/api-tokens)');
  }
  let response;
  try {
    response = await fetch(new URL(route, options.url), {
      method,
      headers: {
        authorization: `Bearer ${options.token}`,
        'content-type': type,
        'accept-language': options.lang,
      },
      body,
    });
  } catch (error) {
    fail(`cannot reach ${options.url}: ${error.cause?.message ?? error.message}`);
  }
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    process.stderr.write(`${json?.title ?? response.status}: ${json?.detail ?? text}\n`);
    for (const error of json?.errors ?? []) {
      process.stderr.write(`  ${error.path}: ${error.message}\n`);
    }
    process.exit(1);
  }
  return json;
}

function printItems(label, items) {
  for (const item of items) {
    process.stdout.write(
      `  ${label.padEnd(9)} ${item.key.padEnd(32)} ${item.action.padEnd(9)} v${item.version}\n`,
    );
  }
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string', default: process.env.CARELOOM_URL ?? 'http://localhost:3000' },
    token: { type: 'string', default: process.env.CARELOOM_TOKEN },
    lang: { type: 'string', default: process.env.CARELOOM_LANG ?? 'zh-CN' },
    key: { type: 'string' },
    version: { type: 'string' },
    title: { type: 'string' },
    forms: { type: 'string', default: '' },
    processes: { type: 'string', default: '' },
    rules: { type: 'string', default: '' },
    out: { type: 'string' },
    user: { type: 'string' },
    password: { type: 'string' },
    'demo-password': { type: 'string' },
    beds: { type: 'string' },
    months: { type: 'string' },
    seed: { type: 'string' },
    concurrency: { type: 'string' },
    force: { type: 'boolean' },
    'allow-future': { type: 'boolean' },
    summary: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
const [command, target] = positionals;
const list = (text) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

if (values.help || !command) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(command ? 0 : 2);
} else if (command === 'validate' || command === 'import') {
  if (!target) {
    fail(USAGE);
  }
  const result = await call(values, 'POST', `/api/bundles/${command}`, bundleBody(target));
  if (command === 'validate') {
    process.stdout.write(
      `✓ ${result.key} ${result.version}: ${result.forms} forms, ${result.processes} processes, ${result.rules} rules — valid\n`,
    );
  } else {
    process.stdout.write(
      `✓ ${result.key} ${result.version} imported${result.previousVersion ? ` (was ${result.previousVersion})` : ''}\n`,
    );
    printItems('form', result.forms);
    printItems('process', result.processes);
    printItems('rule', result.rules);
  }
} else if (command === 'export') {
  if (!values.key || !values.version) {
    fail(USAGE);
  }
  const title = values.title ?? values.key;
  const result = await call(values, 'POST', '/api/bundles/export', {
    body: JSON.stringify({
      key: values.key,
      version: values.version,
      title: { 'zh-CN': title, en: title },
      forms: list(values.forms),
      processes: list(values.processes),
      rules: list(values.rules),
    }),
  });
  const out = path.resolve(values.out ?? values.key);
  for (const [file, text] of Object.entries(result.files)) {
    fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
    fs.writeFileSync(path.join(out, file), text);
  }
  process.stdout.write(`✓ exported ${Object.keys(result.files).length} files to ${out}\n`);
} else if (command === 'demo') {
  let options;
  try {
    options = demoOptions(values);
  } catch (error) {
    fail(error.message);
  }
  try {
    const summary = await runDemo(options);
    process.exit(summary.failed === 0 ? 0 : 1);
  } catch (error) {
    fail(`✗ ${error.message}`, 1);
  }
} else {
  fail(USAGE);
}
