namespace TicketMaster.WaitingRoom;

/// <summary>
/// The pre-queue's draw, as the room's journal records it: at <see cref="At"/> (on or after the
/// on-sale time <see cref="OnSaleAt"/>) the fans of shard s with index in [<see cref="From"/>[s],
/// <see cref="To"/>[s]) joined before the on-sale time; <see cref="Seed"/> fixes their order
/// (<see cref="PreQueueOrder"/>), so every frontend and every later activation computes the same one.
/// </summary>
[GenerateSerializer, Immutable, Alias("PreQueueDraw")]
public sealed record PreQueueDraw(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] DateTimeOffset OnSaleAt,
    [property: Id(2)] byte[] Seed,
    [property: Id(3)] long[] From,
    [property: Id(4)] long[] To);
