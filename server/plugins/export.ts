/**
 * OTLP/HTTP export (`--otlp-endpoint URL`): every stored report becomes OpenTelemetry metrics (RTT, jitter,
 * loss and MOS histograms; a report counter by verdict) with the attributes site, Region, browser, verdict and
 * softphone fitness, and one log record. Uses the official OpenTelemetry JS SDK and OTLP/HTTP exporters, so an
 * existing OpenTelemetry Collector (and Prometheus, Grafana, Datadog, CloudWatch behind it) receives them.
 */
import type { FastifyInstance } from 'fastify';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { LoggerProvider, BatchLogRecordProcessor } from '@opentelemetry/sdk-logs';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPLogExporter } from '@opentelemetry/exporter-logs-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { SeverityNumber } from '@opentelemetry/api-logs';
import type { Report } from '../../src/report/index.js';
import { extractKeys } from '../extract.js';

/** How often metrics are pushed by default (OpenTelemetry's own default is 60 s). */
export const EXPORT_INTERVAL_MS = 15_000;

export interface OtlpOptions {
  /** Base URL of an OTLP/HTTP receiver, e.g. http://otel-collector:4318 (the /v1/metrics and /v1/logs paths are added). */
  endpoint: string;
  intervalMs?: number;
  headers?: Record<string, string>;
  serviceName?: string;
}

export interface ReportExporter {
  record(report: Report): void;
  shutdown(): Promise<void>;
}

const SEVERITY = { fail: SeverityNumber.WARN, warn: SeverityNumber.INFO, pass: SeverityNumber.INFO, skip: SeverityNumber.INFO } as const;

export function createOtlpExporter(opts: OtlpOptions): ReportExporter {
  const base = opts.endpoint.replace(/\/+$/, '');
  const resource = resourceFromAttributes({ 'service.name': opts.serviceName ?? 'ccp-preflight-collector' });
  const meterProvider = new MeterProvider({
    resource,
    readers: [new PeriodicExportingMetricReader({
      exporter: new OTLPMetricExporter({ url: `${base}/v1/metrics`, headers: opts.headers ?? {} }),
      exportIntervalMillis: opts.intervalMs ?? EXPORT_INTERVAL_MS,
    })],
  });
  const loggerProvider = new LoggerProvider({
    resource,
    processors: [new BatchLogRecordProcessor({ exporter: new OTLPLogExporter({ url: `${base}/v1/logs`, headers: opts.headers ?? {} }) })],
  });
  const meter = meterProvider.getMeter('ccp-preflight');
  const logger = loggerProvider.getLogger('ccp-preflight');
  const rtt = meter.createHistogram('ccp_preflight.media.rtt', { unit: 'ms', description: 'Round-trip time of the test call through the relay' });
  const jitter = meter.createHistogram('ccp_preflight.media.jitter', { unit: 'ms', description: 'Jitter of the test call' });
  const loss = meter.createHistogram('ccp_preflight.media.loss', { unit: '%', description: 'Packet loss of the test call' });
  const mos = meter.createHistogram('ccp_preflight.media.mos', { unit: '1', description: 'MOS estimated with the E-model (ITU-T G.107)' });
  const reports = meter.createCounter('ccp_preflight.reports', { unit: '{report}', description: 'Reports stored, by verdict' });

  return {
    record(report) {
      const k = extractKeys(report);
      const attrs = {
        'ccp_preflight.verdict': k.verdict,
        'ccp_preflight.softphone_fit': k.fit,
        'ccp_preflight.site': k.site ?? '',
        'cloud.region': k.region ?? '',
        'browser.family': k.browser ?? '',
      };
      reports.add(1, attrs);
      if (k.rttMs !== null) rtt.record(k.rttMs, attrs);
      if (k.jitterMs !== null) jitter.record(k.jitterMs, attrs);
      if (k.lossPct !== null) loss.record(k.lossPct, attrs);
      if (k.mos !== null) mos.record(k.mos, attrs);
      logger.emit({
        severityNumber: SEVERITY[k.verdict] ?? SeverityNumber.INFO,
        severityText: k.verdict.toUpperCase(),
        body: `ccp-preflight report ${k.id}: ${k.verdict}${k.causeText ? ` (${k.causeText})` : ''}`,
        attributes: {
          ...attrs,
          'ccp_preflight.report_id': k.id,
          'ccp_preflight.agent': k.agentKey,
          'ccp_preflight.cause': k.cause ?? '',
          ...(k.rttMs !== null ? { 'ccp_preflight.media.rtt_ms': k.rttMs } : {}),
          ...(k.lossPct !== null ? { 'ccp_preflight.media.loss_pct': k.lossPct } : {}),
          ...(k.mos !== null ? { 'ccp_preflight.media.mos': k.mos } : {}),
        },
      });
    },
    async shutdown() {
      await Promise.allSettled([meterProvider.shutdown(), loggerProvider.shutdown()]);
    },
  };
}

/** Registers the exporter's shutdown (a final flush) with the app's close. */
export function exportOnClose(app: FastifyInstance, exporter: ReportExporter): void {
  app.addHook('onClose', async () => exporter.shutdown());
}
