using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scalar.AspNetCore;
using TicketMaster.Hosting;
using TicketMaster.SearchProjector;
using TicketMaster.SearchProjector.Http;
using TicketMaster.WebFrontend.Endpoints;
using TicketMaster.WebFrontend.Hosting;
using TicketMaster.WebFrontend.Problems;
using TicketMaster.WebFrontend.Reads;
using TicketMaster.WebFrontend.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddTicketMasterOrleans();
builder.AddTicketMasterAuthentication();
builder.AddTicketMasterTelemetry("ticketmaster-frontend");
builder.AddWaitingRoom();
builder.AddTicketMasterWebApp();
builder.AddTicketMasterRateLimits();
builder.AddTicketMasterRequestLimits();
builder.Services.AddTicketMasterForwardedHeaders(builder.Configuration);
builder.AddTicketMasterResponseCompression();
builder.AddTicketMasterEventReads();
builder.Services.TryAddSingleton(TimeProvider.System);
builder.Services.AddSearchProjector(builder.Configuration);

builder.Services.AddTicketMasterProblemDetails();
// Binding failures throw, so the exception handler can name the field in a problem+json answer.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    o.SerializerOptions.Converters.Add(new UtcDateTimeOffsetConverter());
    o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
    // {"quantity": 1, "quantity": 9} is refused (400 naming it), not read as whichever came last.
    o.SerializerOptions.AllowDuplicateProperties = false;
});
builder.AddTicketMasterOpenApi();
builder.Services.AddTicketMasterHealthChecks()
    .AddCheck<SearchHealthCheck>("search", tags: [HealthEndpoints.Ready]);
builder.Services.AddHostedService<AdminAccountSeeder>();
builder.Services.AddHostedService<DemoCatalogSeeder>();

var app = builder.Build();

app.UseTicketMasterForwardedHeaders();
app.UseSecurityHeaders();
app.UseTicketMasterProblemDetails();
app.UseTicketMasterRequestLimits();
app.UseTicketMasterResponseCompression();
app.UseTicketMasterWebApp();
app.UseRouting();
app.UseAuthentication();
app.UseTicketMasterRateLimits();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapOpenApi();
if (app.Configuration.IsEmbeddedDefault())
{
    // The interactive API page over /openapi/v1.json and the Orleans dashboard (loopback callers
    // only), for the newcomer's `dotnet run`; a cluster's dashboard is on each silo's management port.
    app.MapScalarApiReference("/scalar");
    app.MapTicketMasterDashboard();
}
app.MapTicketMasterMetrics();
app.MapTicketMasterHealth();
app.MapAuthApi();
app.MapCatalogApi();
app.MapUsersApi();
app.MapOrganiserApi();
app.MapSalesApi();
app.MapSearchApi();
app.MapEventsApi();
app.MapSectionsApi();
app.MapReservationsApi();
app.MapBookingsApi();
app.MapScanningApi();
app.MapWaitlistApi();
app.MapWaitingRoomApi();
app.MapTicketMasterWebApp();

app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
