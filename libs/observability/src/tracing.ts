import type { NodeSDK } from '@opentelemetry/sdk-node';

let sdk: NodeSDK | undefined;

/**
 * Starts OpenTelemetry when `OTEL_EXPORTER_OTLP_ENDPOINT` is set (OTLP over HTTP, JSON, to
 * `<endpoint>/v1/traces`; the SDK's other `OTEL_*` variables apply, `OTEL_SERVICE_NAME` over
 * `serviceName`). Otherwise nothing starts: the spans of the libraries are the API's no-ops.
 */
export async function startTracing(
  serviceName: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<boolean> {
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT || sdk) return sdk !== undefined;
  // Loaded only when asked for: the SDK is a large tree of modules.
  const { NodeSDK } = await import('@opentelemetry/sdk-node');
  const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
  sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME || serviceName,
    traceExporter: new OTLPTraceExporter(),
    instrumentations: [],
  });
  sdk.start();
  return true;
}

export function tracingOn(): boolean {
  return sdk !== undefined;
}

/** Sends the spans still buffered: called as the app shuts down. */
export async function stopTracing(): Promise<void> {
  const running = sdk;
  sdk = undefined;
  await running?.shutdown();
}
