using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using TicketMaster.Hosting;

namespace TicketMaster.Silo.Tests.Azure;

/// <summary>Silo hosts as the Silo process builds them: configuration in, <see cref="SiloConfiguration.ConfigureTicketMaster"/>, start.</summary>
public static class HostStarts
{
    public static IHost BuildSilo(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleans(silo => silo.ConfigureTicketMaster(builder.Configuration));
        return builder.Build();
    }

    /// <summary>The message of whatever stopped the start, inner exceptions included.</summary>
    public static async Task<string> FailureOfStart(IReadOnlyDictionary<string, string?> settings)
    {
        try
        {
            using var host = BuildSilo(settings);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await host.StartAsync(timeout.Token);
            await host.StopAsync();
        }
        catch (Exception e)
        {
            var messages = new List<string>();
            for (Exception? inner = e; inner is not null; inner = inner.InnerException) messages.Add(inner.Message);
            return string.Join(" | ", messages);
        }
        throw new Xunit.Sdk.XunitException("The silo started, though its configuration is wrong.");
    }
}
