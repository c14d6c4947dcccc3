using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TicketMaster.Grains.Persistence;
using TicketMaster.WebFrontend.Reads;

namespace TicketMaster.WebFrontend.Tests;

/// <summary>
/// The embedded default with the event reads' production check interval on a clock of their own,
/// journals that can be stopped, and a count of the calls event grains receive.
/// </summary>
public sealed class ReadsFactory : ApiFactory
{
    public FakeTimeProvider ReadClock { get; } = new(DateTimeOffset.UtcNow);

    public StoppableJournals Journals { get; } = new();

    public EventGrainCalls Calls { get; } = new();

    public EventReadCache Reads => Services.GetRequiredService<EventReadCache>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("EventReads:CheckInterval", "00:00:01");
        builder.UseSetting("EventReads:MaxBytes", "1048576");
        builder.ConfigureServices(services =>
        {
            services.AddKeyedSingleton<TimeProvider>(EventReadCache.ClockKey, ReadClock);
            services.AddSingleton<IJournalStorage>(sp => Journals.Over(new MemoryJournalStorage(sp.GetRequiredService<IGrainFactory>())));
            services.AddSingleton<IIncomingGrainCallFilter>(Calls);
        });
    }
}
