using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TicketMaster.Silo.Tests.Backends;

/// <summary>
/// One of our programs (Silo.dll, WebFrontend.dll) as its own OS process with its own
/// environment, so a test can kill it the hard way (SIGKILL) and read its log when something fails.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _log;

    private ServiceProcess(Process process, string log)
    {
        _process = process;
        _log = log;
    }

    public static ServiceProcess Start(string project, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var dll = Build(project);
        var log = Path.Combine(Path.GetTempPath(), $"tm-{project}-{Guid.NewGuid():N}.log");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start)!;
        var writer = new StreamWriter(log) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServiceProcess(process, log);
    }

    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL: no shutdown code runs, as when a machine dies.</summary>
    public async Task KillHardAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public string LogTail()
    {
        try
        {
            using var stream = new FileStream(_log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var text = new StreamReader(stream).ReadToEnd();
            return text.Length > 6000 ? text[^6000..] : text;
        }
        catch (IOException)
        {
            return "";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillHardAsync();
        _process.Dispose();
        File.Delete(_log);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static readonly Lock BuildLock = new();

    /// <summary>The project's built program, in this test run's configuration; built once if missing.</summary>
    private static string Build(string project)
    {
        // tests/Silo.Tests/bin/<Configuration>/net10.0/
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        var root = output.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, project, "bin", configuration, framework, $"{project}.dll");
        lock (BuildLock)
        {
            if (!File.Exists(dll))
            {
                using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", Path.Combine(root, project), "-c", configuration, "-nologo", "-v", "quiet"]))!;
                build.WaitForExit();
                if (build.ExitCode != 0 || !File.Exists(dll)) throw new InvalidOperationException($"Could not build {project} ({configuration}).");
            }
        }
        return dll;
    }
}
