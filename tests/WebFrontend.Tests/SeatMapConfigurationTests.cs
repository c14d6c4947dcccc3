using Microsoft.AspNetCore.Hosting;

namespace TicketMaster.WebFrontend.Tests;

public sealed class SeatMapConfigurationTests
{
    private sealed class NoChangeLog : ApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("SeatMap:ChangeLogSize", "0");
        }
    }

    [Fact]
    public void A_change_log_of_no_seats_stops_the_start_naming_the_key()
    {
        using var factory = new NoChangeLog();

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("SeatMap:ChangeLogSize", error.Message, StringComparison.Ordinal);
    }
}
