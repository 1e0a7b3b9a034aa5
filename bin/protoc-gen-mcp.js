#!/usr/bin/env node
// protoc-gen-mcp runs from TypeScript sources through tsx, like bin/protomcp.js.
import { register } from "tsx/esm/api";

register();
await import("../src/codegen/plugin/main.ts");
