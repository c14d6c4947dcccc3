using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TicketMaster.Grains;
using TicketMaster.Grains.Payments;

namespace TicketMaster.WebFrontend.Tests;

/// <summary>The embedded default (co-hosted silo, memory storage) on free ports, with a fake booking clock.</summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@tests.example";
    public const string AdminPassword = "admin-password-for-tests";

    /// <summary>The test server has no sockets: a request's TCP peer comes from this test header, so tests keep apart.</summary>
    public const string ClientHeader = "X-Test-Client";

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public SandboxPaymentGateway Payments => Services.GetRequiredService<SandboxPaymentGateway>();

    /// <summary>Where this factory's mails are written as .eml files while no SMTP relay is configured.</summary>
    public string PickupDirectory { get; } = Path.Combine(Path.GetTempPath(), "ticketmaster-tests-mail", Guid.NewGuid().ToString("N"));

    private ContractCheck? _contract;

    /// <summary>The service's OpenAPI document, fetched once, that every client of <see cref="Api"/> checks answers against.</summary>
    public ContractCheck Contract => _contract ??= new ContractCheck(CreateClient().GetStringAsync("/openapi/v1.json").GetAwaiter().GetResult());

    /// <summary>A client whose every /api answer must match the OpenAPI document.</summary>
    public HttpClient CreateCheckedClient() => CreateDefaultClient(new ContractCheckingHandler(() => Contract));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Orleans:SiloPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Jwt:SigningKey", "eQDQcRPAuDgKcgr4Xm5niYv4u9m88UPd8d+o0Icg10M=");
        // Many requests from one address: the limits have tests of their own (RateLimitTests).
        builder.UseSetting("RateLimits:Enabled", "false");
        builder.UseSetting("Admin:Email", AdminEmail);
        builder.UseSetting("Admin:Password", AdminPassword);
        builder.UseSetting("Booking:PaymentTimeout", "00:00:00.300");
        builder.UseSetting("Accounts:PasswordHasher:IterationCount", "1000");
        builder.UseSetting("Demo:Events", "30");
        builder.UseSetting("Search:PullInterval", "00:00:00.500");
        // These tests read what they just wrote; the copies' one-second check has tests of its own (EventReadTests).
        builder.UseSetting("EventReads:CheckInterval", "00:00:00");
        // Each factory's mails in a folder of its own, never the shared default.
        builder.UseSetting("Mail:PickupDirectory", PickupDirectory);
        builder.ConfigureServices(services => services.AddKeyedSingleton<TimeProvider>(BookingClock.Key, Time));
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, ClientAddressFromHeader>());
    }

    /// <summary>A client whose TCP peer is <paramref name="address"/>.</summary>
    public HttpClient ClientAt(string address, string? token = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(ClientHeader, address);
        if (token is not null) client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Before the app's own pipeline, as a socket's peer address would be.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientHeader], out var address)) context.Connection.RemoteIpAddress = address;
                await nextMiddleware(context);
            });
            next(app);
        };
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFactory>
{
    public const string Name = "api";
}
