// Validates a .gltf/.glb file with the Khronos glTF validator (npm package gltf-validator) and
// prints a one-line JSON summary: {"errors":N,"warnings":N,"infos":N,"hints":N,"messages":[...]}.
// Exit status: 0 when there are no errors and no warnings, 1 otherwise, 2 when the file cannot
// be read. Used by HipView's tests (tests/bonegen).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const validator = require('gltf-validator');

const path = process.argv[2];
if (!path) {
    console.error('usage: node validate_gltf.mjs FILE.glb');
    process.exit(2);
}
let bytes;
try {
    bytes = new Uint8Array(await readFile(path));
} catch (e) {
    console.error(`cannot read ${path}: ${e.message}`);
    process.exit(2);
}
const report = await validator.validateBytes(bytes, { maxIssues: 200 });
const issues = report.issues;
const summary = {
    validatorVersion: report.validatorVersion,
    errors: issues.numErrors,
    warnings: issues.numWarnings,
    infos: issues.numInfos,
    hints: issues.numHints,
    messages: issues.messages.map((m) => `${['error', 'warning', 'info', 'hint'][m.severity]} ${m.code} ${m.pointer ?? ''}: ${m.message}`),
};
console.log(JSON.stringify(summary));
process.exit(summary.errors === 0 && summary.warnings === 0 ? 0 : 1);
