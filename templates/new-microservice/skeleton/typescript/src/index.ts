// Telemetry first: it must patch node:http before the server loads it.
import { metricsHandler, shutdownTelemetry } from './telemetry';
import { createApp } from './server';

const port = Number(process.env.PORT ?? 8080);
let ready = false;

const server = createApp({ metricsHandler, isReady: () => ready });
server.listen(port, () => {
  ready = true;
  console.log(JSON.stringify({ level: 'info', msg: 'listening', port }));
});

function shutdown(signal: NodeJS.Signals): void {
  console.log(JSON.stringify({ level: 'info', msg: 'shutting down', signal }));
  // Fail readiness first, then drain in-flight requests.
  ready = false;
  server.close(() => {
    shutdownTelemetry().finally(() => process.exit(0));
  });
  setTimeout(() => process.exit(1), 10_000).unref();
}

process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
