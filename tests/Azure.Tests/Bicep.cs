using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace TicketMaster.Azure.Tests;

/// <summary>The bicep CLI from the Azure.Bicep.CommandLine package, run over a folder of templates.</summary>
public static partial class Bicep
{
    /// <summary>The azure/ folder of the repository, fixed at build time.</summary>
    public static string AzureFolder { get; } = Metadata("AzureFolder");

    private static readonly Lazy<string> Executable = new(FindExecutable);

    /// <summary>Runs bicep in <paramref name="workingDirectory"/>; the secrets the parameters files read are set to throwaway values.</summary>
    public static async Task<BicepResult> Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable.Value)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["TM_JWT_SIGNING_KEY"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        start.Environment["TM_WAITING_ROOM_SIGNING_KEY"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        // No telemetry and no first-run downloads from a test.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output + await error;
        var diagnostics = Diagnostic().Matches(text).Select(m => m.Value.Trim()).ToList();
        return new BicepResult(process.ExitCode, diagnostics, text);
    }

    private static string FindExecutable()
    {
        var path = Metadata("BicepPath").Replace('\\', Path.DirectorySeparatorChar);
        if (!File.Exists(path)) throw new FileNotFoundException($"bicep is not at {path}; restore Azure.Bicep.CommandLine.linux-x64.", path);
        // NuGet does not always keep the executable bit when it extracts a package.
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            if ((mode & UnixFileMode.UserExecute) == 0) File.SetUnixFileMode(path, mode | execute);
        }
        return path;
    }

    private static string Metadata(string key) =>
        typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata '{key}' is empty.");

    // bicep's diagnostic lines: "<file>(line,col) : Error BCP035: ..." or "... : Warning no-unused-params: ...".
    [GeneratedRegex(@"^.*\(\d+,\d+\) : (Error|Warning|Info) .*$", RegexOptions.Multiline)]
    private static partial Regex Diagnostic();
}

/// <summary>What one bicep run said: its exit code and every diagnostic line it printed.</summary>
public sealed record BicepResult(int ExitCode, IReadOnlyList<string> Diagnostics, string Output)
{
    public bool Clean => ExitCode == 0 && Diagnostics.Count == 0;

    public override string ToString() => $"exit code {ExitCode}\n{Output}";
}
