using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace TicketMaster.Bench.OnSale;

/// <summary>
/// Azurite from tools/azurite (npm ci on first use) on ports the OS picks, with its data in a
/// temporary folder; disposing kills it and deletes the folder.
/// </summary>
public sealed partial class AzuriteServer : IAsyncDisposable
{
    // The emulator's published development account (Azurite's documentation), not a secret.
    private const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;
    private readonly string _location;
    private readonly ConcurrentDictionary<string, int> _ports;

    private AzuriteServer(Process process, string location, ConcurrentDictionary<string, int> ports)
    {
        _process = process;
        _location = location;
        _ports = ports;
    }

    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        $"AccountKey={DevelopmentAccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{_ports["Blob"]}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{_ports["Queue"]}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{_ports["Table"]}/devstoreaccount1;";

    public static async Task<AzuriteServer> StartAsync(string repositoryRoot)
    {
        var tool = Path.Combine(repositoryRoot, "tools", "azurite");
        var executable = Path.Combine(tool, "node_modules", ".bin", "azurite");
        if (!File.Exists(executable)) await NpmCi(tool);

        var location = Directory.CreateTempSubdirectory("onsalebench-azurite-").FullName;
        var info = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = tool };
        foreach (var argument in new[]
        {
            "--location", location, "--blobHost", "127.0.0.1", "--blobPort", "0", "--queueHost", "127.0.0.1", "--queuePort", "0",
            "--tableHost", "127.0.0.1", "--tablePort", "0", "--skipApiVersionCheck", "--loose", "--silent",
        })
        {
            info.ArgumentList.Add(argument);
        }
        var ports = new ConcurrentDictionary<string, int>();
        var output = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            output.Enqueue(e.Data);
            var match = Listening().Match(e.Data);
            if (!match.Success) return;
            ports[match.Groups["service"].Value] = int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture);
            if (ports.Count == 3) listening.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("Azurite exited while starting:\n" + string.Join('\n', output)));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new AzuriteServer(process, location, ports);
        try
        {
            await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (Exception)
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>For Ctrl+C, when there is no time to await anything.</summary>
    public void StopNow()
    {
        try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        finally
        {
            _process.Dispose();
            try { Directory.Delete(_location, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task NpmCi(string tool)
    {
        var info = new ProcessStartInfo("npm") { WorkingDirectory = tool, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" }) info.ArgumentList.Add(argument);
        using var npm = Process.Start(info) ?? throw new InvalidOperationException("npm did not start; is Node.js installed?");
        var stdout = npm.StandardOutput.ReadToEndAsync();
        var stderr = npm.StandardError.ReadToEndAsync();
        await npm.WaitForExitAsync();
        if (npm.ExitCode != 0) throw new InvalidOperationException($"npm ci in {tool} failed ({npm.ExitCode}):\n{await stdout}\n{await stderr}");
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://[^:]+:(?<port>\d+)")]
    private static partial Regex Listening();
}
