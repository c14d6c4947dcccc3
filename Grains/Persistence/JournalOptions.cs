namespace TicketMaster.Grains.Persistence;

/// <summary>Configuration section <c>Journal</c>: when a journaled grain writes a snapshot.</summary>
public sealed class JournalOptions
{
    public const string Section = "Journal";

    /// <summary>A snapshot after this many changes since the last one...</summary>
    public int SnapshotChanges { get; set; } = 20_000;

    /// <summary>...or after this many bytes of records, whichever comes first.</summary>
    public long SnapshotBytes { get; set; } = 4 * 1024 * 1024;
}
