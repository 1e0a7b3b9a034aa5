/** The process entry of `protoc-gen-mcp`, started by `bin/protoc-gen-mcp.js`. */
import { runNodeJs } from "@bufbuild/protoplugin";
import { protocGenMcp } from "./protoc-gen-mcp.js";

runNodeJs(protocGenMcp);
