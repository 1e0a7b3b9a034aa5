// `node --import ./register-shim.mjs .../conformance/dist/index.js`: runs the conformance CLI on
// Node 20 (see fs-glob.mjs). Harmless on Node 22, where the shim only re-exports node:fs.
import { register } from "node:module";

register("./loader-hooks.mjs", import.meta.url);
