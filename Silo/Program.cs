using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using TicketMaster.Hosting;
using TicketMaster.Hosting.Database;

// `migrate`: bring ConnectionStrings:Postgres up to this build's schema, then exit. The rest of
// the arguments are configuration, as for the silo (e.g. --ConnectionStrings:Postgres=...).
if (args.Length > 0 && args[0] == "migrate")
{
    var configuration = Host.CreateApplicationBuilder(args[1..]).Configuration;
    try
    {
        var migrator = new SchemaMigrator(Postgres.ConnectionString(configuration));
        var applied = await migrator.MigrateAsync();
        foreach (var migration in applied) Console.WriteLine($"applied {migration.Name}");
        Console.WriteLine($"schema at version {await migrator.CurrentVersionAsync()} ({applied.Count} applied now)");
        return 0;
    }
    catch (Exception e) when (e is InvalidOperationException or Microsoft.Extensions.Options.OptionsValidationException or Npgsql.NpgsqlException)
    {
        Console.Error.WriteLine($"migrate failed: {e.Message}");
        return 1;
    }
}

var builder = WebApplication.CreateBuilder(args);
// Silos sign and check admission tokens for each other and for the frontends: a random key per process would not do.
if (string.IsNullOrEmpty(builder.Configuration["WaitingRoom:SigningKey"]))
{
    throw new InvalidOperationException("Configuration 'WaitingRoom:SigningKey' is required (environment WaitingRoom__SigningKey): every silo and frontend of a cluster shares it.");
}
// The management endpoint only: /healthz, /readyz and /metrics for the orchestrator and Prometheus,
// and the Orleans dashboard for an operator on the host.
var management = ManagementSettings.From(builder.Configuration);
ManagementSettings.Register(builder.Services, builder.Configuration);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenAnyIP(management.Port));
builder.UseOrleans(silo => silo.ConfigureTicketMaster(builder.Configuration));
builder.AddTicketMasterTelemetry("ticketmaster-silo");
builder.Services.AddTicketMasterHealthChecks();
builder.Services.AddTicketMasterProblemDetails();
builder.Services.AddTicketMasterForwardedHeaders(builder.Configuration);

var app = builder.Build();
app.UseTicketMasterForwardedHeaders();
app.UseTicketMasterProblemDetails();
app.MapTicketMasterHealth();
app.MapPrometheusScrapingEndpoint("/metrics");
app.MapTicketMasterDashboard();
await app.RunAsync();
return 0;

internal partial class Program;
