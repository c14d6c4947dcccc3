using TicketMaster.Grains.Persistence;

namespace TicketMaster.Grains.Payments;

/// <summary>One change of a ledger shard, as its journal stores it.</summary>
[GenerateSerializer, Alias("LedgerChange")]
public abstract record LedgerChange([property: Id(0)] string IdempotencyKey);

[GenerateSerializer, Immutable, Alias("LedgerCharged")]
public sealed record LedgerCharged(string IdempotencyKey, [property: Id(0)] decimal Amount, [property: Id(1)] string Currency) : LedgerChange(IdempotencyKey);

[GenerateSerializer, Immutable, Alias("LedgerRefunded")]
public sealed record LedgerRefunded(string IdempotencyKey) : LedgerChange(IdempotencyKey);

/// <summary>One group-commit batch of a ledger shard: the unit its journal appends.</summary>
[GenerateSerializer, Alias("LedgerBatch")]
public sealed record LedgerBatch([property: Id(0)] List<LedgerChange> Changes) : IJournalBatch
{
    public int ChangeCount => Changes.Count;
}
