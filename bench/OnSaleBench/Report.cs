using System.Globalization;

namespace TicketMaster.Bench.OnSale;

/// <summary>
/// The bench's results as markdown table rows, printed as each phase ends and again together at
/// the end, ready to paste into docs/benchmarks.md.
/// </summary>
public sealed class Report
{
    public const string Header =
        "| storage | phase | seats | held before | rate | p50 ms | p90 ms | p99 ms | max ms | journal appends (event) | bytes per append | snapshots | event.writes | notes |\n" +
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";

    private readonly List<string> _rows = [];
    private readonly List<string> _notes = [];

    public void Add(string storage, string phase, int seats, int heldBefore, string rate, Latency? latency, StorageCounters.Snapshot? writes, string notes = "")
    {
        var row = string.Join(" | ",
            storage, phase, N(seats), N(heldBefore), rate,
            latency is null ? "" : Latency.Format(latency.Ms(50)),
            latency is null ? "" : Latency.Format(latency.Ms(90)),
            latency is null ? "" : Latency.Format(latency.Ms(99)),
            latency is null ? "" : Latency.Format(latency.Ms(100)),
            writes is null ? "" : N(writes.EventAppends),
            writes is null ? "" : N(writes.EventBytesPerAppend),
            writes is null ? "" : N(writes.EventSnapshots),
            writes is null ? "" : N(writes.StateWrites),
            notes);
        row = $"| {row} |";
        lock (_rows) _rows.Add(row);
        Console.WriteLine(row);
    }

    /// <summary>A line under the table: ratios, memory, audits.</summary>
    public void Note(string note)
    {
        lock (_notes) _notes.Add(note);
        Console.WriteLine(note);
    }

    public void PrintAll()
    {
        Console.WriteLine();
        Console.WriteLine(Header);
        foreach (var row in _rows) Console.WriteLine(row);
        Console.WriteLine();
        foreach (var note in _notes) Console.WriteLine("- " + note);
    }

    public static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Rate(double perSecond, string unit) => $"{N(perSecond)} {unit}/s";
}
