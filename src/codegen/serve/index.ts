/**
 * Serving tool sets through protomcp: as tools of a typed server, and over MCP through the face.
 */
export { type AddToolSetOptions, addToolSet } from "./add-tool-set.js";
export {
  parseListen,
  type ServedTools,
  type ServeOptions,
  type ServeTarget,
  serveTools,
} from "./serve-tools.js";
