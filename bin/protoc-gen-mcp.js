#!/usr/bin/env node
// The protoc / buf plugin `protoc-gen-mcp`: the compiled plugin in dist/, like bin/protomcp.js. It
// runs on @bufbuild/protoplugin, an optional peer dependency: only plugin users need it (and the
// TypeScript compiler it brings).
try {
  await import("../dist/src/codegen/plugin/main.js");
} catch (error) {
  if (error?.code !== "ERR_MODULE_NOT_FOUND" || !String(error.message).includes("@bufbuild/protoplugin")) throw error;
  process.stderr.write(
    "protoc-gen-mcp: needs @bufbuild/protoplugin beside protomcp: npm install --save-dev @bufbuild/protoplugin\n",
  );
  process.exitCode = 1;
}
