using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TicketMaster.Browser.Tests;

/// <summary>
/// The built WebFrontend (embedded default: co-hosted silo, memory storage, demo catalog) started as
/// a child process on free loopback ports, with a known admin and signing key.
/// </summary>
public sealed class AppServer : IAsyncDisposable
{
    public const string AdminEmail = "organiser@tests.example";
    public const string AdminPassword = "organiser-password-for-tests";

    private readonly Process process;
    private readonly Queue<string> log = new();

    public Uri BaseAddress { get; }

    /// <summary>Where this server writes its mails as .eml files (no SMTP relay is configured), links pointing back at it.</summary>
    public string PickupDirectory { get; }

    private AppServer(Process process, Uri baseAddress, string pickupDirectory)
    {
        this.process = process;
        BaseAddress = baseAddress;
        PickupDirectory = pickupDirectory;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static async Task<AppServer> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var pickup = Path.Combine(Path.GetTempPath(), "ticketmaster-browser-mail", Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(WebFrontendDll());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        var env = new Dictionary<string, string>
        {
            ["Admin__Email"] = AdminEmail,
            ["Admin__Password"] = AdminPassword,
            ["Jwt__SigningKey"] = "8vBAMNbUj28Vbhkmp/QlRNROTTP1xtxw0C6zhfMeHD8=",
            ["Orleans__SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Demo__Events"] = "30",
            ["Search__PullInterval"] = "00:00:00.500",
            ["Accounts__PasswordHasher__IterationCount"] = "1000",
            ["Logging__LogLevel__Default"] = "Warning",
            // Every page, asset and API call comes from one address: the limits have tests of their own.
            ["RateLimits__Enabled"] = "false",
            ["Mail__PickupDirectory"] = pickup,
            ["Mail__SiteUrl"] = $"http://127.0.0.1:{port}",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) env[key] = value;
        foreach (var (key, value) in env) start.Environment[key] = value;

        var server = new AppServer(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"), new Uri($"http://127.0.0.1:{port}"), pickup);
        await server.WaitUntilReadyAsync();
        return server;
    }

    /// <summary>Polls /readyz (cluster joined, search caught up); the deadline only bounds a broken start.</summary>
    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"WebFrontend exited with {process.ExitCode}:\n{Log()}");
            try
            {
                if ((await http.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"WebFrontend was not ready within 90 s:\n{Log()}");
    }

    public string Log()
    {
        lock (log) return string.Join('\n', log);
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (log)
        {
            log.Enqueue(line);
            while (log.Count > 200) log.Dequeue();
        }
    }

    /// <summary>The WebFrontend output built beside this project, in the same configuration.</summary>
    private static string WebFrontendDll()
    {
        var baseDir = AppContext.BaseDirectory;
        var dir = new DirectoryInfo(baseDir);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TicketMaster.sln"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("TicketMaster.sln not found above " + baseDir);
        var relative = Path.GetRelativePath(Path.Combine(dir.FullName, "tests", "Browser"), baseDir);
        var dll = Path.Combine(dir.FullName, "WebFrontend", relative, "WebFrontend.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build WebFrontend first", dll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        if (Directory.Exists(PickupDirectory)) Directory.Delete(PickupDirectory, recursive: true);
    }
}
