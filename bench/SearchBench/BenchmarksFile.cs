namespace TicketMaster.Bench.Search;

/// <summary>docs/benchmarks-search.md: this bench writes its "## Search" section; the other sections belong to other runs.</summary>
public static class BenchmarksFile
{
    /// <summary>Replaces the section (or adds it at the end) and returns the file's path.</summary>
    public static string WriteSearchSection(string section)
    {
        var path = Path.Combine(FindRoot(), "docs", "benchmarks-search.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, ReplaceSection(File.Exists(path) ? File.ReadAllText(path) : "# Search benchmarks\n", section));
        return path;
    }

    /// <summary>The machine's load average, for the report: the bench shares its cores.</summary>
    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "TicketMaster.sln"))) return folder.FullName;
        }
        return Directory.GetCurrentDirectory();
    }

    private static string ReplaceSection(string document, string section)
    {
        var lines = document.Replace("\r\n", "\n").Split('\n').ToList();
        var start = lines.FindIndex(l => l.TrimEnd() == "## Search");
        if (start < 0) return document.TrimEnd() + "\n\n" + section;
        var end = lines.FindIndex(start + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
        var before = string.Join('\n', lines.Take(start)).TrimEnd();
        var after = end < 0 ? "" : "\n" + string.Join('\n', lines.Skip(end));
        return before + "\n\n" + section + after;
    }
}
