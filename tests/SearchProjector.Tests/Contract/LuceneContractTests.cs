namespace TicketMaster.SearchProjector.Tests.Contract;

/// <summary>The contract on the embedded Lucene.Net index, on disk so a reopen reads what the first instance committed.</summary>
public sealed class LuceneContractTests : SearchIndexContract
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tm-contract-" + Guid.NewGuid().ToString("N"));
    private readonly List<LuceneSearchIndex> _open = [];

    protected override async Task<ISearchIndex> Open(string name)
    {
        var index = new LuceneSearchIndex(Time, Path.Combine(_folder, name));
        _open.Add(index);
        await ((ISearchIndex)index).OpenAsync();
        return index;
    }

    protected override Task<ISearchIndex> Reopen(ISearchIndex index, string name)
    {
        var lucene = (LuceneSearchIndex)index;
        _open.Remove(lucene);
        lucene.Dispose();
        return Open(name);
    }

    public override Task DisposeAsync()
    {
        foreach (var index in _open) index.Dispose();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
