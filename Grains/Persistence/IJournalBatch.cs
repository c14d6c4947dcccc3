namespace TicketMaster.Grains.Persistence;

/// <summary>A journal record: one group-commit batch, which knows how many changes it holds (the snapshot threshold counts them).</summary>
public interface IJournalBatch
{
    int ChangeCount { get; }
}
