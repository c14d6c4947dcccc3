namespace TicketMaster.Bench.Search;

/// <summary>The kept index (<c>--index-path</c>) and the copy a run searches.</summary>
public static class IndexFolder
{
    /// <summary>A committed index's files never change; the lock is the writer's, not the index's.</summary>
    public static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from).Where(f => Path.GetFileName(f) != "write.lock"))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }
    }
}
