namespace TicketMaster.Azure.Tests;

/// <summary>azure/ compiles and lints with no error and no warning (the test command runs this).</summary>
public sealed class BicepTemplatesTests
{
    [Fact]
    public async Task Every_bicep_file_builds_without_an_error_or_a_warning()
    {
        Assert.NotEmpty(Directory.GetFiles(Bicep.AzureFolder, "*.bicep", SearchOption.AllDirectories));
        var output = Directory.CreateTempSubdirectory("bicep-build-").FullName;
        try
        {
            var result = await Bicep.Run(Bicep.AzureFolder, "build", "--pattern", "**/*.bicep", "--outdir", output);
            Assert.True(result.Clean, result.ToString());
            Assert.True(File.Exists(Path.Combine(output, "main.json")), result.ToString());
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task Every_parameters_file_builds_without_an_error_or_a_warning()
    {
        Assert.NotEmpty(Directory.GetFiles(Bicep.AzureFolder, "*.bicepparam", SearchOption.AllDirectories));
        var output = Directory.CreateTempSubdirectory("bicep-params-").FullName;
        try
        {
            var result = await Bicep.Run(Bicep.AzureFolder, "build-params", "--pattern", "**/*.bicepparam", "--outdir", output);
            Assert.True(result.Clean, result.ToString());
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task Every_bicep_and_parameters_file_lints_clean()
    {
        var result = await Bicep.Run(Bicep.AzureFolder, "lint", "--pattern", "**/*.bicep*");
        Assert.True(result.Clean, result.ToString());
    }

    [Fact]
    public async Task A_template_with_an_error_or_a_lint_warning_fails_the_check()
    {
        var folder = Directory.CreateTempSubdirectory("bicep-broken-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "unused.bicep"), "param unused string\n");
            await File.WriteAllTextAsync(Path.Combine(folder, "broken.bicep"), "resource account 'Microsoft.Storage/storageAccounts@2024-01-01' = {\n  location: 'westeurope'\n}\n");

            var lint = await Bicep.Run(folder, "lint", "--pattern", "**/*.bicep");
            var build = await Bicep.Run(folder, "build", "--pattern", "**/*.bicep", "--outdir", Path.Combine(folder, "out"));

            Assert.False(lint.Clean);
            Assert.Contains(lint.Diagnostics, d => d.Contains("unused.bicep", StringComparison.Ordinal) && d.Contains("no-unused-params", StringComparison.Ordinal));
            Assert.False(build.Clean);
            Assert.NotEqual(0, build.ExitCode);
            Assert.Contains(build.Diagnostics, d => d.Contains("broken.bicep", StringComparison.Ordinal) && d.Contains(": Error ", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
