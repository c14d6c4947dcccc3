using System.Diagnostics;

namespace TicketMaster.Bench.Search;

/// <summary>
/// The process's memory after a full, compacting collection: managed heap, working set, and the working set split
/// into anonymous memory (heaps) and mapped file pages (the memory-mapped index, paged in as read).
/// </summary>
public readonly record struct Memory(long HeapBytes, long WorkingSetBytes, long AnonymousBytes, long FileBytes)
{
    public static Memory Now()
    {
        // Aggressive: compacts and gives free memory back to the system, so the working set is what is in use.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        using var process = Process.GetCurrentProcess();
        return new Memory(heap, process.WorkingSet64, Status("RssAnon:"), Status("RssFile:"));
    }

    public override string ToString() =>
        $"heap {HeapBytes / 1048576:N0} MB, working set {WorkingSetBytes / 1048576:N0} MB (anonymous {AnonymousBytes / 1048576:N0}, files {FileBytes / 1048576:N0})";

    /// <summary>A kB line of /proc/self/status; 0 where there is none (not Linux).</summary>
    private static long Status(string key)
    {
        if (!File.Exists("/proc/self/status")) return 0;
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[key.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}
