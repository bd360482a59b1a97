// Builds everything into dist/ (the Apps Script project clasp pushes) and dist-cli/ (the Node command line).
// Each target lives in its own script so the two adapters can evolve independently.
import { buildCli } from "./scripts/build-cli.mjs";
import { buildGas } from "./scripts/build-gas.mjs";

const started = Date.now();
await Promise.all([buildGas(), buildCli()]);
console.log(`built dist/ and dist-cli/ in ${Date.now() - started} ms`);
