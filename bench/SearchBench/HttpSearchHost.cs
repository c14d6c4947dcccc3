using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TicketMaster.SearchProjector;
using TicketMaster.SearchProjector.Http;

namespace TicketMaster.Bench.Search;

/// <summary>
/// <c>GET /api/v1/search</c> as the web frontend serves it (the same <see cref="SearchApi.MapSearchApi"/>,
/// answering from a <see cref="SearchRequestCache"/> that renders in the frontend's JSON options, <see cref="FrontendJson"/>)
/// on Kestrel at a free loopback port, over an index already loaded; without the silo, the other routes and logging,
/// which a search never touches.
/// </summary>
public sealed class HttpSearchHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HttpSearchHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<HttpSearchHost> Start(SearchRequestCache answers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(answers);
        var app = builder.Build();
        app.MapSearchApi();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HttpSearchHost(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
