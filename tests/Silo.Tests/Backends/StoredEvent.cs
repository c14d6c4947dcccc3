using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;
using TicketMaster.Events;
using TicketMaster.Grains.Events;
using TicketMaster.Grains.Persistence;

namespace TicketMaster.Silo.Tests.Backends;

/// <summary>An event as its journal holds it, read without the grain; and writes as another activation would make them.</summary>
public static class StoredEvent
{
    public static IJournalStorage Journals(this InProcessTestCluster cluster) =>
        cluster.Silos[0].ServiceProvider.GetRequiredService<IJournalStorage>();

    private static Serializer Serializer(this InProcessTestCluster cluster) =>
        cluster.Silos[0].ServiceProvider.GetRequiredService<Serializer>();

    public static Task<EventMemory> ReadAsync(InProcessTestCluster cluster, string eventId) =>
        EventMemory.Load(eventId, cluster.Journals(), cluster.Serializer());

    /// <summary>
    /// Reads the journal, reserves as another activation of the event would (a split brain, a silo
    /// wrongly declared dead), and appends that change with the next sequence.
    /// </summary>
    public static async Task<ReserveResult> ReserveAsAnotherActivationAsync(InProcessTestCluster cluster, string eventId, ReserveRequest request)
    {
        var journals = cluster.Journals();
        var contents = await journals.Read(EventJournal.Name(eventId));
        var changes = new List<EventChange>();
        var memory = await ReadAsync(cluster, eventId);
        var map = new SeatMap(eventId, memory.State, changes);
        var result = map.Reserve(request, DateTimeOffset.UtcNow.AddMinutes(10));
        await journals.Append(EventJournal.Name(eventId), contents.LastSequence + 1, cluster.Serializer().SerializeToArray(new EventBatch(changes)));
        return result;
    }
}
