/**
 * protomcp's gateway in its own process, as it runs in production, in front of the bench SDK server
 * as its stdio child. Prints `PORT <n>` on stdout once listening; stops its upstream on SIGTERM.
 */
import { startBenchGateway } from "./bench-gateway.js";

const gateway = await startBenchGateway();
process.once("SIGTERM", () => {
  gateway.close().then(() => process.exit(0));
});
process.stdout.write(`PORT ${gateway.server.port}\n`);
