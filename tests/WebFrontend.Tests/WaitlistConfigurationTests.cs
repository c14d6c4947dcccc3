using Microsoft.AspNetCore.Hosting;

namespace TicketMaster.WebFrontend.Tests;

public sealed class WaitlistConfigurationTests
{
    private sealed class NoOfferTime : ApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Waitlist:OfferDuration", "00:00:00");
        }
    }

    [Fact]
    public void An_offer_duration_of_nothing_stops_the_start_naming_the_key()
    {
        using var factory = new NoOfferTime();

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Waitlist:OfferDuration", error.Message, StringComparison.Ordinal);
    }
}
