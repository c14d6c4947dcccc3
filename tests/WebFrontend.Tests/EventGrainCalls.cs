using System.Collections.Concurrent;
using TicketMaster.Events;

namespace TicketMaster.WebFrontend.Tests;

/// <summary>Counts the calls event grains receive, by event and method, as the silo sees them.</summary>
public sealed class EventGrainCalls : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<(string EventId, string Method), int> _calls = new();

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.Grain is IEventGrain) _calls.AddOrUpdate((context.TargetId.Key.ToString()!, context.InterfaceMethod.Name), 1, (_, n) => n + 1);
        await context.Invoke();
    }

    public int Of(string eventId, string method) => _calls.GetValueOrDefault((eventId, method));

    public void Clear() => _calls.Clear();
}
