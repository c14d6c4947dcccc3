using Orleans.Streams;

namespace TicketMaster.Silo.Tests.Azure;

/// <summary>
/// An implicit subscriber: it exists for every stream of its namespace without subscribing first,
/// so a message that waited in a queue while no silo ran still has somewhere to go.
/// </summary>
[ImplicitStreamSubscription(Namespace)]
public sealed class StreamProbeGrain : Grain, IStreamProbeGrain
{
    public const string Namespace = "probe";

    private readonly List<int> _received = [];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider(StorageNames.Streams).GetStream<int>(StreamId.Create(Namespace, this.GetPrimaryKey()));
        await stream.SubscribeAsync((item, _) =>
        {
            _received.Add(item);
            return Task.CompletedTask;
        });
    }

    public Task<IReadOnlyList<int>> Received() => Task.FromResult<IReadOnlyList<int>>([.. _received]);
}
