using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace TicketMaster.WebFrontend.Tests;

/// <summary>The embedded default with an in-memory span exporter beside the real pipeline.</summary>
public sealed class TracedApiFactory : ApiFactory
{
    /// <summary>The exporter adds from whichever thread stops an activity while a test reads: both sides take the lock.</summary>
    private sealed class LockedSpans : System.Collections.ObjectModel.Collection<Activity>
    {
        protected override void InsertItem(int index, Activity item)
        {
            lock (this) base.InsertItem(index, item);
        }
    }

    private readonly LockedSpans Spans = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans)));
    }

    public Activity[] Snapshot()
    {
        lock (Spans) return [.. Spans];
    }

    /// <summary>
    /// The first exported span that matches, waiting up to 5 s: a span is exported when its activity stops, which for
    /// a request is just after its response is written and for a grain call on the grain's side may be just after its
    /// answer left.
    /// </summary>
    public async Task<Activity?> Exported(Func<Activity, bool> match) =>
        (await Eventually.Last(() => Task.FromResult(Snapshot()), spans => spans.Any(match), TimeSpan.FromSeconds(5))).FirstOrDefault(match);
}

public sealed class ReserveTraceTests(TracedApiFactory factory) : IClassFixture<TracedApiFactory>
{
    [Fact]
    public async Task The_trace_of_a_reserve_holds_the_request_span_and_the_grain_call_as_its_child()
    {
        var api = new Api(factory);
        var eventId = await api.CreateEvent();
        // Our own trace id: the exporter also sees other hosts' requests in this process, some of them reserves refused before any grain call.
        var traceId = ActivityTraceId.CreateRandom();
        using var send = new HttpRequestMessage(HttpMethod.Post, "/api/v1/reserve") { Content = JsonContent.Create(new { eventId, seats = new[] { "A-1-1" } }) };
        send.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        var reserve = await api.AsNewUser().SendAsync(send);
        Assert.Equal(System.Net.HttpStatusCode.Created, reserve.StatusCode);

        var request = await factory.Exported(s => s.Kind == ActivityKind.Server && s.TraceId == traceId && s.DisplayName.TrimEnd('/') == "POST /api/v1/reserve");
        Assert.True(request is not null, "no reserve span among: " + string.Join(", ", factory.Snapshot().Where(s => !s.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal)).Select(s => $"{s.Source.Name}:{s.Kind}:{s.DisplayName}")));

        bool IsChild(Activity call) => call.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal)
            && call.TraceId == request!.TraceId && call.ParentSpanId == request.SpanId;
        await factory.Exported(IsChild);
        Assert.Contains(factory.Snapshot(), IsChild);
    }
}
