using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TicketMaster.Grains.Payments;

namespace TicketMaster.Grains.Tests;

public sealed class PaymentProviderTests
{
    private static IHost Host(string? provider)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        var settings = provider is null ? [] : new Dictionary<string, string?> { ["Payments:Provider"] = provider };
        builder.Services.AddTicketMasterGrains(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return builder.Build();
    }

    [Fact]
    public async Task An_unknown_payment_provider_stops_the_start_naming_the_key()
    {
        using var host = Host("Stripe");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Payments:Provider", error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Sandbox")]
    public async Task The_sandbox_starts_by_default_and_by_name(string? provider)
    {
        using var host = Host(provider);

        await host.StartAsync();

        Assert.Equal(PaymentOptions.Sandbox, host.Services.GetRequiredService<IOptions<PaymentOptions>>().Value.Provider, ignoreCase: true);
        await host.StopAsync();
    }
}
