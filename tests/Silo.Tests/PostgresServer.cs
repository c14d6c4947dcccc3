using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TicketMaster.Silo.Tests;

/// <summary>
/// A throwaway PostgreSQL 15 from the Debian server binaries: its own data folder under /tmp, a
/// free port on 127.0.0.1, trust authentication. Disposing stops it and deletes the folder.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string Preferred = "/usr/lib/postgresql/15/bin";

    /// <summary><c>PG_BIN</c> when set, else PostgreSQL 15's, else the newest Debian-installed major version.</summary>
    public static string BinDirectory { get; } = FindBinDirectory();

    // postgres refuses to run as root, so as root every server command runs as this OS user.
    private const string ServiceUser = "postgres";

    private readonly string _root;
    private int _stopped;

    private PostgresServer(string root, int port)
    {
        _root = root;
        Port = port;
    }

    public int Port { get; }

    private string DataDirectory => Path.Combine(_root, "data");

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Timeout=15;Command Timeout=30";

    public static async Task<PostgresServer> StartAsync()
    {
        if (!File.Exists(Path.Combine(BinDirectory, "pg_ctl")))
        {
            throw new InvalidOperationException(
                $"PostgreSQL server binaries were not found in {BinDirectory} (nor under /usr/lib/postgresql). The Silo tests start a throwaway " +
                "PostgreSQL from them: install the Debian package 'postgresql' (scripts/test.sh does: apt-get install -y postgresql).");
        }

        var root = Directory.CreateTempSubdirectory("ticketmaster-pg-").FullName;
        var server = new PostgresServer(root, FreePort());
        try
        {
            if (Environment.IsPrivilegedProcess) await Run("chown", ["-R", $"{ServiceUser}:", root]);
            await RunServerTool("initdb", ["-D", server.DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
            await RunServerTool("pg_ctl", [
                "-D", server.DataDirectory, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60",
                "-o", $"-p {server.Port} -c listen_addresses=127.0.0.1 -k {root} -c max_connections=200",
                "start"]);
            return server;
        }
        catch (Exception e)
        {
            var log = Path.Combine(root, "server.log");
            var tail = File.Exists(log) ? File.ReadAllText(log) : "";
            await server.DisposeAsync();
            throw new InvalidOperationException($"Starting the test PostgreSQL failed: {e.Message}\n{tail}", e);
        }
    }

    /// <summary>Stops the server (immediate: nothing in it is worth a checkpoint) and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        try
        {
            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                await RunServerTool("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "-t", "30", "stop"]);
            }
        }
        catch (Exception)
        {
            KillPostmaster();
        }
        finally
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>
    /// Stops the server cleanly and starts it on the same data folder and port (pg_ctl keeps the
    /// start options), as after a restart of the whole site.
    /// </summary>
    public Task RestartAsync() =>
        RunServerTool("pg_ctl", ["-D", DataDirectory, "-l", Path.Combine(_root, "server.log"), "-m", "fast", "-w", "-t", "60", "restart"]);

    /// <summary>For a test run that is torn down without disposing (Ctrl+C): no server outlives it.</summary>
    public void StopNow()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        KillPostmaster();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private void KillPostmaster()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile)) return;
        if (!int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid)) return;
        try
        {
            using var postmaster = Process.GetProcessById(pid);
            postmaster.Kill(entireProcessTree: true);
            postmaster.WaitForExit(10_000);
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
    }

    private static Task RunServerTool(string tool, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(BinDirectory, tool);
        return Environment.IsPrivilegedProcess
            ? Run("runuser", ["-u", ServiceUser, "--", path, .. arguments])
            : Run(path, arguments);
    }

    private static async Task Run(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The server inherits the working directory; root's may not be readable by postgres.
            WorkingDirectory = "/tmp",
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{program} {string.Join(' ', arguments)}' exited {process.ExitCode}: {await error}{await output}");
        }
    }

    private static string FindBinDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("PG_BIN");
        if (!string.IsNullOrEmpty(configured)) return configured;
        if (File.Exists(Path.Combine(Preferred, "pg_ctl")) || !Directory.Exists("/usr/lib/postgresql")) return Preferred;
        // Another Debian release packages another major version; the schema needs 14 or later (lz4).
        var newest = Directory.GetDirectories("/usr/lib/postgresql")
            .Where(d => File.Exists(Path.Combine(d, "bin", "pg_ctl")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var major) ? major : 0)
            .FirstOrDefault();
        return newest is null ? Preferred : Path.Combine(newest, "bin");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
