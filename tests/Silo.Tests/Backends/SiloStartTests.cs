namespace TicketMaster.Silo.Tests.Backends;

/// <summary>What a Silo process refuses at start.</summary>
public sealed class SiloStartTests
{
    [Fact]
    public async Task A_silo_process_without_the_waiting_room_key_does_not_start_and_names_the_key()
    {
        // Each silo would otherwise sign admission tokens with a random key of its own that no other process accepts.
        await using var silo = ServiceProcess.Start("Silo", new Dictionary<string, string?>
        {
            ["Orleans:SiloPort"] = ServiceProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = ServiceProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        // Its output may arrive a moment after the exit itself.
        await Eventually.True(() => Task.FromResult(silo.HasExited && silo.LogTail().Contains("WaitingRoom:SigningKey", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(60), "the silo exits naming WaitingRoom:SigningKey");

        Assert.True(silo.HasExited);
    }
}
