using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Serialization;
using TicketMaster.Catalog;
using TicketMaster.Grains.Persistence;

namespace TicketMaster.Grains.Catalog;

/// <summary>
/// One owner's list of one kind of item. A page is a slice of memory, so it costs the same at ten
/// items or ten thousand; a put is one journal record (group-committed when many arrive at once, as
/// when a catalog is seeded), never a rewrite of the list. A line's place never changes, so the
/// cursor is simply the place of the next line.
/// </summary>
[Reentrant]
public sealed class CatalogIndexGrain(
    IJournalStorage journals,
    Serializer serializer,
    IOptions<JournalOptions> journalOptions,
    ILogger<CatalogIndexGrain> logger) : Grain, ICatalogIndexGrain
{
    private CatalogIndexState _state = new();
    private readonly Dictionary<string, int> _places = new(StringComparer.Ordinal);
    private readonly List<CatalogEntry> _pending = [];
    private Journal<CatalogIndexState, CatalogIndexBatch> _journal = null!;
    private GrainPersistence _persistence = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        _journal = new Journal<CatalogIndexState, CatalogIndexBatch>(journals, serializer, journalOptions.Value, "catalog-index/" + key, "catalog-index", logger);
        _persistence = new GrainPersistence($"catalog list '{key}'", AppendBatch, DeactivateOnIdle, logger);
        try
        {
            await _journal.Load(Restore, batch => batch.Puts.ForEach(Apply));
        }
        catch (Exception e) when (e is not JournalReadException)
        {
            throw new RetryableException($"Loading catalog list '{key}' failed; try again.", e);
        }
    }

    public async Task Put(CatalogEntry entry)
    {
        _persistence.EnsureCurrent();
        if (_places.TryGetValue(entry.Id, out var place) && _state.Entries[place] == entry) return;
        Apply(entry);
        _pending.Add(entry);
        await _persistence.Durable();
    }

    public Task<CatalogPage?> List(string? cursor, int limit)
    {
        _persistence.EnsureCurrent();
        var from = 0;
        if (cursor is not null && (!int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out from) || from > _state.Entries.Count))
        {
            return Task.FromResult<CatalogPage?>(null);
        }
        var count = Math.Min(limit, _state.Entries.Count - from);
        var items = _state.Entries.GetRange(from, count);
        var next = from + count < _state.Entries.Count ? (from + count).ToString(CultureInfo.InvariantCulture) : null;
        return Task.FromResult<CatalogPage?>(new CatalogPage(items, next));
    }

    private void Restore(CatalogIndexState? snapshot)
    {
        _state = snapshot ?? new CatalogIndexState();
        for (var i = 0; i < _state.Entries.Count; i++) _places[_state.Entries[i].Id] = i;
    }

    private void Apply(CatalogEntry entry)
    {
        if (_places.TryGetValue(entry.Id, out var place)) _state.Entries[place] = entry;
        else
        {
            _places.Add(entry.Id, _state.Entries.Count);
            _state.Entries.Add(entry);
        }
    }

    private async Task AppendBatch()
    {
        if (_pending.Count == 0) return;
        var batch = new CatalogIndexBatch([.. _pending]);
        _pending.Clear();
        // The list in memory already holds the batch: it is the state after it.
        await _journal.Append(batch, () => new CatalogIndexState { Entries = [.. _state.Entries] });
    }
}
