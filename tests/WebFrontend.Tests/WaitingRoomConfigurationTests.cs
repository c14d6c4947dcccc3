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

    [Fact]
    public void A_frontend_that_is_a_cluster_client_refuses_to_start_without_the_waiting_room_key()
    {
        using var factory = new ClientWithoutRoomKey();

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("WaitingRoom:SigningKey", error.Message, StringComparison.Ordinal);
    }
}
