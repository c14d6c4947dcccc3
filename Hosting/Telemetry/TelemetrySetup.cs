using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using TicketMaster.Grains;

namespace TicketMaster.Hosting;

/// <summary>The one telemetry set-up of both hosts: the same meters, sources and resource in every process.</summary>
public static class TelemetrySetup
{
    /// <summary>The standard OpenTelemetry variable: set, traces and metrics are also pushed over OTLP.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Orleans' trace sources: grain calls (with activity propagation) and application-level spans.</summary>
    public static readonly string[] OrleansSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    /// <summary>Npgsql's own activity source: one span per command against PostgreSQL.</summary>
    public const string NpgsqlSource = "Npgsql";

    /// <summary>
    /// Metrics (Prometheus at /metrics, scraped from every host) and traces: ASP.NET Core, HTTP clients,
    /// Orleans, Npgsql, and our business meter. <paramref name="serviceName"/> and the instance id (host and
    /// process id) go on the resource, so a scrape or a trace tells the processes of a cluster apart.
    /// </summary>
    public static IHostApplicationBuilder AddTicketMasterTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceInstanceId: $"{Environment.MachineName}-{Environment.ProcessId}"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter("Microsoft.Orleans")
                .AddMeter(GrainMetrics.MeterName)
                // Search (request cache, Elasticsearch writes): SearchProjector's meter, named here as hosts need no search reference.
                .AddMeter("TicketMaster.Search")
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddSource(OrleansSources)
                .AddSource(NpgsqlSource));
        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]))
        {
            // Reads the endpoint, protocol and headers from the OTEL_EXPORTER_OTLP_* variables itself.
            telemetry.UseOtlpExporter();
        }
        return builder;
    }
}
