using TicketMaster.Hosting.Seeding;

namespace TicketMaster.WebFrontend.Hosting;

/// <summary>
/// Seeds the generated demo catalog so a newcomer can try the whole flow at once: configuration
/// <c>Demo:Events</c> (default 50 in the embedded default, none otherwise).
/// </summary>
public sealed partial class DemoCatalogSeeder(IGrainFactory grains, IConfiguration configuration, TimeProvider time, ILogger<DemoCatalogSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var count = configuration.GetValue<int?>("Demo:Events") ?? (configuration.IsEmbeddedDefault() ? 50 : 0);
        if (count <= 0) return;
        var catalog = CatalogGenerator.Generate(count, seed: 1, time.GetUtcNow());
        await catalog.SeedAsync(grains, cancellationToken);
        LogSeeded(logger, catalog.Events.Count, catalog.Venues.Count, catalog.Events[0].EventId);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo catalog: {Events} events at {Venues} venues; try GET /api/v1/view?event_id={FirstEvent}")]
    private static partial void LogSeeded(ILogger logger, int events, int venues, string firstEvent);
}
