using TicketMaster.Catalog;
using TicketMaster.Events;

namespace TicketMaster.Grains.Events;

/// <summary>
/// The persisted event. The seat map is one int per seat (0 = free, else the serial of the hold
/// or sale that owns it) so 100,000 seats are 400 KB, not 100,000 objects.
/// </summary>
[GenerateSerializer, Alias("EventState")]
public sealed class EventState
{
    [Id(0)] public EventDefinition? Definition { get; set; }

    /// <summary>The venue as it was when the event was created: the seat map's layout.</summary>
    [Id(1)] public Venue? Venue { get; set; }

    [Id(2)] public List<Performer> Performers { get; set; } = [];

    [Id(3)] public int[] SeatOwners { get; set; } = [];

    /// <summary>Holds and sales by serial.</summary>
    [Id(4)] public Dictionary<int, HoldRecord> Holds { get; set; } = [];

    [Id(5)] public int NextSerial { get; set; } = 1;

    /// <summary>Grows with every change search should see; the search document's version.</summary>
    [Id(6)] public long DocumentVersion { get; set; }

    [Id(7)] public bool QueueActive { get; set; }

    /// <summary>Signs reservation ids, so a forged one is told apart from one that expired.</summary>
    [Id(8)] public byte[] ReservationKey { get; set; } = [];

    /// <summary>The coarse availability search was last told.</summary>
    [Id(9)] public string SearchAvailability { get; set; } = "";

    /// <summary>A copy that shares nothing mutable: what a write sends while memory moves on.</summary>
    public EventState Clone() => new()
    {
        Definition = Definition,
        Venue = Venue,
        Performers = [.. Performers],
        SeatOwners = (int[])SeatOwners.Clone(),
        Holds = Holds.ToDictionary(h => h.Key, h => h.Value.Clone()),
        NextSerial = NextSerial,
        DocumentVersion = DocumentVersion,
        QueueActive = QueueActive,
        ReservationKey = ReservationKey,
        SearchAvailability = SearchAvailability,
    };
}

public enum HoldState
{
    Held,
    /// <summary>A booking is paying for it: it does not expire.</summary>
    Pinned,
    Sold,
}

[GenerateSerializer, Alias("HoldRecord")]
public sealed class HoldRecord
{
    [Id(0)] public string ReservationId { get; set; } = "";
    [Id(1)] public string UserId { get; set; } = "";
    [Id(2)] public DateTimeOffset ExpiresAt { get; set; }
    [Id(3)] public HoldState State { get; set; }
    [Id(4)] public string? BookingId { get; set; }

    /// <summary>Ordinals into <see cref="EventState.SeatOwners"/>.</summary>
    [Id(5)] public int[] Seats { get; set; } = [];

    /// <summary>General admission: the section index and ticket count (-1 and 0 for seated holds).</summary>
    [Id(6)] public int GaSection { get; set; } = -1;
    [Id(7)] public int GaCount { get; set; }

    /// <summary>Seats are never changed in place once set, so the array is shared.</summary>
    public HoldRecord Clone() => (HoldRecord)MemberwiseClone();
}
