using System.Diagnostics;
using System.Globalization;

namespace TicketMaster.Bench.Search;

/// <summary>
/// HTTP load from <c>wrk</c> (Debian package <c>wrk</c>), a client in C that costs the shared cores far less per request
/// than an in-process <see cref="HttpClient"/>: each of its threads walks the same list of request paths from its own
/// starting point, over keep-alive connections, for a fixed time. Latency percentiles are wrk's own.
/// </summary>
public static class WrkLoad
{
    // setup() runs once per thread in the main Lua state; each thread then has its own state, with its own offset.
    private const string Script = """
        local threads = 0
        function setup(thread)
          thread:set("offset", threads)
          threads = threads + 1
        end
        function init(args)
          paths = {}
          for line in io.lines(args[1]) do paths[#paths + 1] = line end
          index = offset * math.floor(#paths / tonumber(args[2]))
        end
        function request()
          index = index % #paths + 1
          return wrk.format("GET", paths[index])
        end
        function done(summary, latency, requests)
          local e = summary.errors
          io.write(string.format("WRK %d %d %d %d %d %d %d %d\n", summary.requests, summary.duration,
            e.connect + e.read + e.write + e.timeout, e.status,
            latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
        end
        """;

    public static string? Executable => Environment.GetEnvironmentVariable("PATH")?.Split(':')
        .Select(folder => Path.Combine(folder, "wrk")).FirstOrDefault(File.Exists);

    public static async Task<WrkResult> Run(Uri server, IReadOnlyList<string> paths, int connections, int threads, TimeSpan duration)
    {
        var folder = Directory.CreateTempSubdirectory("searchbench-wrk-");
        try
        {
            var script = Path.Combine(folder.FullName, "paths.lua");
            var list = Path.Combine(folder.FullName, "paths.txt");
            await File.WriteAllTextAsync(script, Script);
            await File.WriteAllLinesAsync(list, paths);
            var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("wrk is not installed (apt-get install wrk)."))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in (string[])[$"-t{threads}", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--timeout", "10s", "-s", script, server.ToString(), "--", list, threads.ToString(CultureInfo.InvariantCulture)])
            {
                start.ArgumentList.Add(argument);
            }
            using var wrk = Process.Start(start)!;
            var output = await wrk.StandardOutput.ReadToEndAsync();
            var errors = await wrk.StandardError.ReadToEndAsync();
            await wrk.WaitForExitAsync();
            var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("WRK ", StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"wrk gave no result (exit {wrk.ExitCode}): {output} {errors}");
            var v = line[4..].Trim().Split(' ').Select(x => long.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            return new WrkResult(v[0], TimeSpan.FromMicroseconds(v[1]), v[2], v[3], v[4], v[5], v[6], v[7]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

/// <summary>wrk's summary: requests, how long, socket errors, non-2xx answers, and latency percentiles in microseconds.</summary>
public sealed record WrkResult(long Requests, TimeSpan Elapsed, long SocketErrors, long BadStatus, long P50, long P90, long P99, long Max)
{
    public double PerSecond => Requests / Elapsed.TotalSeconds;

    /// <summary>A row of the report's load table, as <see cref="LoadResult.Row"/> writes one.</summary>
    public string Row(string label, string cacheHits) => string.Create(CultureInfo.InvariantCulture,
        $"| {label} | {Requests:N0} | {PerSecond:N0} | {LatencyRecorder.Ms(P50)} | {LatencyRecorder.Ms(P90)} | {LatencyRecorder.Ms(P99)} | {LatencyRecorder.Ms(Max)} | {SocketErrors + BadStatus} | {cacheHits} |");
}
