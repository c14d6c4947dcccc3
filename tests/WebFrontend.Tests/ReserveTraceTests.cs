using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace TicketMaster.WebFrontend.Tests;

/// <summary>The embedded default with an in-memory span exporter beside the real pipeline.</summary>
public sealed class TracedApiFactory : ApiFactory
{
    public List<Activity> Spans { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans)));
    }

    public Activity[] Snapshot()
    {
        lock (Spans) return [.. Spans];
    }
}

public sealed class ReserveTraceTests(TracedApiFactory factory) : IClassFixture<TracedApiFactory>
{
    [Fact]
    public async Task The_trace_of_a_reserve_holds_the_request_span_and_the_grain_call_as_its_child()
    {
        var api = new Api(factory);
        var eventId = await api.CreateEvent();
        var reserve = await Api.Reserve(api.AsNewUser(), eventId, "A-1-1");
        Assert.Equal(System.Net.HttpStatusCode.Created, reserve.StatusCode);

        // The server span is exported when the request's activity stops, just after the response is written.
        Activity? request = null;
        for (var attempt = 0; attempt < 200 && request is null; attempt++)
        {
            request = factory.Snapshot().FirstOrDefault(s =>
                s.Kind == ActivityKind.Server && s.DisplayName.TrimEnd('/') == "POST /api/v1/reserve");
            if (request is null) await Task.Delay(25);
        }
        Assert.True(request is not null, "no reserve span among: " + string.Join(", ", factory.Snapshot().Where(s => !s.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal)).Select(s => $"{s.Source.Name}:{s.Kind}:{s.DisplayName}")));

        // A grain call's span is exported when it stops too, which on the grain's side may be just after its answer
        // left, so after the request's own span.
        bool IsChild(Activity call) => call.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal)
            && call.TraceId == request!.TraceId && call.ParentSpanId == request.SpanId;
        for (var attempt = 0; attempt < 200 && !factory.Snapshot().Any(IsChild); attempt++) await Task.Delay(25);
        Assert.Contains(factory.Snapshot(), IsChild);
    }
}
