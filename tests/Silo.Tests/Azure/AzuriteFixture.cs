using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace TicketMaster.Silo.Tests.Azure;

/// <summary>
/// Azurite from tools/azurite (npm ci on first use) on ports the OS picks, with its data in a
/// temporary folder, so a test can stop and restart it on the same ports and keep the data.
/// The process tree and the folder go away when the fixture does, whatever the tests did.
/// </summary>
public sealed partial class AzuriteFixture : IAsyncLifetime
{
    // The emulator's published development account (Azurite's documentation), not a secret.
    private const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly SemaphoreSlim NpmInstall = new(1, 1);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _location = Path.Combine(Path.GetTempPath(), "azurite-" + Guid.NewGuid().ToString("N"));
    private Process? _process;
    private TaskCompletionSource _closed = new();
    private int _blobPort;
    private int _queuePort;
    private int _tablePort;

    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        $"AccountKey={DevelopmentAccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{_blobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{_queuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{_tablePort}/devstoreaccount1;";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_location);
        await EnsureInstalled();
        await StartAsync();
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_location, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying process: the OS temp cleaner gets it.
        }
    }

    /// <summary>
    /// Stops Azurite the way an operator would: SIGINT makes each service save its metadata and
    /// say it closed. The process itself may linger after that (open timers), so once all three
    /// closed, or after a grace period, the tree is killed.
    /// </summary>
    public async Task StopAsync()
    {
        if (_process is not { } process) return;
        _process = null;
        try
        {
            if (!process.HasExited)
            {
                _ = Kill(process.Id, SigInt);
                await Task.WhenAny(_closed.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(15)));
                if (!process.HasExited) process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        finally
        {
            process.Dispose();
        }
    }

    /// <summary>Starts Azurite on the data folder; after a stop, on the same ports, so connection strings stay valid.</summary>
    public async Task StartAsync()
    {
        if (_process is not null) throw new InvalidOperationException("Azurite is already running.");
        var info = new ProcessStartInfo(Path.Combine(ToolDirectory, "node_modules", ".bin", "azurite"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = ToolDirectory,
        };
        foreach (var argument in new[]
        {
            "--location", _location,
            "--blobHost", "127.0.0.1", "--blobPort", _blobPort.ToString(CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", _queuePort.ToString(CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", _tablePort.ToString(CultureInfo.InvariantCulture),
            "--skipApiVersionCheck", "--loose", "--silent",
        })
        {
            info.ArgumentList.Add(argument);
        }

        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _closed = closed;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            output.Enqueue(e.Data);
            if (e.Data.EndsWith("service successfully closed", StringComparison.Ordinal)
                && output.Count(l => l.EndsWith("service successfully closed", StringComparison.Ordinal)) == 3)
            {
                closed.TrySetResult();
            }
            var match = Listening().Match(e.Data);
            if (!match.Success) return;
            var port = int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture);
            switch (match.Groups["service"].Value)
            {
                case "Blob": _blobPort = port; break;
                case "Queue": _queuePort = port; break;
                case "Table": _tablePort = port; break;
            }
            if (output.Count(l => Listening().IsMatch(l)) == 3) listening.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.Exited += (_, _) => listening.TrySetException(
            new InvalidOperationException("Azurite exited while starting:\n" + string.Join('\n', output)));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        try
        {
            await listening.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            await StopAsync();
            throw new TimeoutException($"Azurite did not listen within {StartTimeout}:\n" + string.Join('\n', output));
        }
    }

    private static string ToolDirectory { get; } = Path.Combine(RepositoryRoot(), "tools", "azurite");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TicketMaster.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("No TicketMaster.sln above " + AppContext.BaseDirectory);
    }

    /// <summary>npm ci from the committed lock, once, the first time a machine runs these tests.</summary>
    private static async Task EnsureInstalled()
    {
        await NpmInstall.WaitAsync();
        try
        {
            if (File.Exists(Path.Combine(ToolDirectory, "node_modules", ".bin", "azurite"))) return;
            var info = new ProcessStartInfo("npm")
            {
                WorkingDirectory = ToolDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" }) info.ArgumentList.Add(argument);
            using var npm = Process.Start(info) ?? throw new InvalidOperationException("npm did not start; is Node.js installed?");
            var stdout = npm.StandardOutput.ReadToEndAsync();
            var stderr = npm.StandardError.ReadToEndAsync();
            await npm.WaitForExitAsync();
            if (npm.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm ci in {ToolDirectory} failed ({npm.ExitCode}):\n{await stdout}\n{await stderr}");
            }
        }
        finally
        {
            NpmInstall.Release();
        }
    }

    private const int SigInt = 2;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://[^:]+:(?<port>\d+)")]
    private static partial Regex Listening();
}
