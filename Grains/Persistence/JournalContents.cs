namespace TicketMaster.Grains.Persistence;

/// <summary>What a journal holds: a snapshot as of <see cref="SnapshotSequence"/> (0 and null when none) and the records after it.</summary>
[GenerateSerializer, Immutable, Alias("JournalContents")]
public sealed record JournalContents(
    [property: Id(0)] long SnapshotSequence,
    [property: Id(1)] byte[]? Snapshot,
    [property: Id(2)] IReadOnlyList<JournalRecord> Records)
{
    public static readonly JournalContents Empty = new(0, null, []);

    /// <summary>The journal's last sequence: the next append carries this plus one.</summary>
    public long LastSequence => Records.Count > 0 ? Records[^1].Sequence : SnapshotSequence;
}

/// <summary>One appended batch.</summary>
[GenerateSerializer, Immutable, Alias("JournalRecord")]
public sealed record JournalRecord([property: Id(0)] long Sequence, [property: Id(1)] byte[] Data);
