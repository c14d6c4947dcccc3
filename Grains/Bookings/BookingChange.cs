using TicketMaster.Bookings;
using TicketMaster.Grains.Persistence;

namespace TicketMaster.Grains.Bookings;

/// <summary>One change of a bookings shard, as its journal stores it.</summary>
[GenerateSerializer, Alias("BookingChange")]
public abstract record BookingChange;

[GenerateSerializer, Immutable, Alias("BookingBegun")]
public sealed record BookingBegun([property: Id(0)] BookingEntry Entry) : BookingChange;

[GenerateSerializer, Immutable, Alias("BookingDeclined")]
public sealed record BookingDeclined([property: Id(0)] string BookingId, [property: Id(1)] string Reason) : BookingChange;

/// <summary>An entry begun for a hold that was not the fan's to pay for, taken out again so that it leaves no trace.</summary>
[GenerateSerializer, Immutable, Alias("BookingForgotten")]
public sealed record BookingForgotten([property: Id(0)] BookingEntry Entry) : BookingChange;

/// <summary>One group-commit batch of a bookings shard: the unit its journal appends.</summary>
[GenerateSerializer, Alias("BookingShardBatch")]
public sealed record BookingShardBatch([property: Id(0)] List<BookingChange> Changes) : IJournalBatch
{
    public int ChangeCount => Changes.Count;
}
