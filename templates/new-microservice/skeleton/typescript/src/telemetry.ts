// OpenTelemetry wiring. index.ts imports this module first, so the HTTP instrumentation is in place
// before the server loads node:http. Traces go over OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT (none
// are exported when it is unset); metrics are served in the Prometheus format at /metrics.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace';

const UNTRACED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

const exportTraces = Boolean(
  process.env.OTEL_EXPORTER_OTLP_ENDPOINT || process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT,
);

const prometheus = new PrometheusExporter({ preventServerStart: true });

const sdk = new NodeSDK({
  serviceName: process.env.OTEL_SERVICE_NAME ?? '${{ values.name }}',
  spanProcessors: exportTraces ? [new BatchSpanProcessor({ exporter: new OTLPTraceExporter() })] : [],
  metricReaders: [prometheus],
  instrumentations: [
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.has((req.url ?? '/').split('?')[0]),
    }),
  ],
});
sdk.start();

export function metricsHandler(req: IncomingMessage, res: ServerResponse): void {
  prometheus.getMetricsRequestHandler(req, res);
}

export function shutdownTelemetry(): Promise<void> {
  return sdk.shutdown();
}
