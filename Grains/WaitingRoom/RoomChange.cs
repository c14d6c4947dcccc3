using TicketMaster.Grains.Persistence;
using TicketMaster.WaitingRoom;

namespace TicketMaster.Grains.WaitingRoom;

/// <summary>One change of a waiting room, as its journal stores it: decided facts a replay applies without deciding again.</summary>
[GenerateSerializer, Alias("RoomChange")]
public abstract record RoomChange;

/// <summary>Turned on or off; the shard count and period are taken from the first one and then fixed.</summary>
[GenerateSerializer, Immutable, Alias("RoomConfigured")]
public sealed record RoomConfigured(
    [property: Id(0)] bool Active,
    [property: Id(1)] double AdmitPerSecond,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] int Shards,
    [property: Id(4)] TimeSpan Period,
    [property: Id(5)] TimeSpan Window,
    [property: Id(6)] TimeSpan PreQueue = default) : RoomChange;

[GenerateSerializer, Immutable, Alias("RoomSoldOut")]
public sealed record RoomSoldOut([property: Id(0)] bool SoldOut) : RoomChange;

/// <summary>An admit period: buckets closed up to <see cref="ClosedBefore"/> (with the rows of those in which fans joined) and the new watermarks.</summary>
[GenerateSerializer, Alias("RoomAdvanced")]
public sealed record RoomAdvanced(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] long ClosedBefore,
    [property: Id(2)] List<BucketRow> NewRows,
    [property: Id(3)] long[] Admitted,
    [property: Id(4)] double Credit,
    [property: Id(5)] long PreAdmitted = 0) : RoomChange;

/// <summary>
/// What the event said its on-sale time is (null: none, on sale already), as the room last heard;
/// until the first of these the room does not know whether it holds a pre-queue.
/// </summary>
[GenerateSerializer, Immutable, Alias("RoomScheduled")]
public sealed record RoomScheduled([property: Id(0)] DateTimeOffset? OnSaleAt) : RoomChange;

/// <summary>The pre-queue was drawn: its seed and who is in it. Recorded once; a replay never draws again.</summary>
[GenerateSerializer, Immutable, Alias("RoomDrawn")]
public sealed record RoomDrawn([property: Id(0)] PreQueueDraw Draw) : RoomChange;

/// <summary>One group-commit batch of the room: the unit its journal appends.</summary>
[GenerateSerializer, Alias("RoomBatch")]
public sealed record RoomBatch([property: Id(0)] List<RoomChange> Changes) : IJournalBatch
{
    public int ChangeCount => Changes.Count;
}
