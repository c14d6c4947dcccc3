using System.Security.Cryptography;
using System.Text;

namespace TicketMaster.Reservations;

/// <summary>
/// One shard of "which events may a fan hold seats on" (key: <see cref="HoldIndex.ShardOf"/>). Told
/// by the event grains after their holds are durable, in batches and off the hold's path; the holds
/// themselves are then read from those events, which alone know whether a hold is still active.
/// </summary>
[Alias("IHoldIndexGrain")]
public interface IHoldIndexGrain : IGrainWithIntegerKey
{
    /// <summary>Notes holds (a later note of the same fan and event extends it); answers once durable.</summary>
    [Alias("Note")]
    Task Note(IReadOnlyList<HoldNote> notes);

    /// <summary>The events the fan may still hold seats on, latest hold first, at most <see cref="HoldIndex.MaxEventsPerFan"/>.</summary>
    [Alias("EventsOf")]
    Task<IReadOnlyList<string>> EventsOf(string userId);
}

public static class HoldIndex
{
    /// <summary>Fixed: a fan must find their shard again after any restart.</summary>
    public const int Shards = 8;

    /// <summary>How many events one fan's list of holds asks at most: a bound on one request's work.</summary>
    public const int MaxEventsPerFan = 50;

    public static int ShardOf(string userId) => SHA256.HashData(Encoding.UTF8.GetBytes(userId))[1] % Shards;
}
