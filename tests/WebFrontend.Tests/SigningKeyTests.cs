using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TicketMaster.Grains;
using TicketMaster.Grains.WaitingRoom;

namespace TicketMaster.WebFrontend.Tests;

/// <summary>Signing keys are judged by bytes of entropy, not characters, and stop the start naming the key.</summary>
public sealed class SigningKeyTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("a-signing-key-for-tests-only-0123456789")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("c2VjcmV0LWtleQ==")]
    [InlineData("again and again and again and again and again and again and again and again")]
    [InlineData("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWYwMTIzNDU2Nzg5YWJjZGVm")]
    public void Low_entropy_keys_are_weak(string key) => Assert.False(SigningKeyStrength.IsStrong(key));

    [Theory]
    [InlineData("eQDQcRPAuDgKcgr4Xm5niYv4u9m88UPd8d+o0Icg10M=")]
    [InlineData("eQDQcRPAuDgKcgr4Xm5niYv4u9m88UPd8d-o0Icg10M")]
    [InlineData("d5ac2820d3b8a945f6ce6d17fa39ac428e1ccd30d347e3ad7392964886134489")]
    [InlineData("Correct-Horse-Battery-Staple; plus 40 more chars: Zebra Quill 7!9 #Jump%")]
    public void Random_bytes_of_256_bits_or_a_long_varied_passphrase_are_strong(string key) => Assert.True(SigningKeyStrength.IsStrong(key));

    /// <summary>ApiFactory with settings on top; it does not start until a client is asked for.</summary>
    internal sealed class WithSettings(params (string Key, string Value)[] settings) : ApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }

    [Theory]
    [InlineData("Jwt:SigningKey", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("WaitingRoom:SigningKey", "a")]
    public void A_weak_key_stops_the_start_naming_it(string key, string value)
    {
        using var factory = new WithSettings((key, value));

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_frontend_with_its_own_silo_outside_the_embedded_default_refuses_to_start_without_the_waiting_room_key()
    {
        // Durable storage: other silos may join this cluster, and they must check what this one signed.
        using var factory = new WithSettings(("Orleans:Storage", "Postgres"), ("ConnectionStrings:Postgres", "Host=127.0.0.1;Port=1;Database=none;Username=none"));

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("WaitingRoom:SigningKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_silo_refuses_a_weak_waiting_room_key_naming_it()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["WaitingRoom:SigningKey"] = "waiting-room-tests-signing-key" }).Build();
        using var services = new ServiceCollection().AddTicketMasterGrains(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<WaitingRoomOptions>>().Value);

        Assert.Contains("WaitingRoom:SigningKey", error.Message, StringComparison.Ordinal);
    }
}
