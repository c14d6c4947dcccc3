using Microsoft.AspNetCore.Hosting;

namespace TicketMaster.WebFrontend.Tests;

public sealed class WaitingRoomConfigurationTests
{
    /// <summary>A frontend that is a client of a cluster, without the key its silos sign tickets with.</summary>
    private sealed class ClientWithoutRoomKey : ApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Orleans:Hosting", "Client");
            builder.UseSetting("WaitingRoom:SigningKey", "");
        }
    }

    /// <summary>A host whose pre-queue window is negative.</summary>
    private sealed class NegativePreQueue : ApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("WaitingRoom:PreQueue", "-00:05:00");
        }
    }

    [Fact]
    public void A_host_refuses_to_start_with_a_pre_queue_window_out_of_range_naming_the_key()
    {
        using var factory = new NegativePreQueue();

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("WaitingRoom:PreQueue", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_frontend_that_is_a_cluster_client_refuses_to_start_without_the_waiting_room_key()
    {
        using var factory = new ClientWithoutRoomKey();

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("WaitingRoom:SigningKey", error.Message, StringComparison.Ordinal);
    }
}
