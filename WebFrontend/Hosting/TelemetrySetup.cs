using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using TicketMaster.Grains;
using TicketMaster.SearchProjector;

namespace TicketMaster.WebFrontend.Hosting;

public static class TelemetrySetup
{
    /// <summary>OpenTelemetry metrics (Prometheus at /metrics) and traces: ASP.NET Core, HTTP clients, Orleans, and ours.</summary>
    public static WebApplicationBuilder AddTicketMasterTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter("Microsoft.Orleans")
                .AddMeter(GrainMetrics.MeterName)
                .AddMeter(SearchMetrics.MeterName)
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"));
        return builder;
    }
}
