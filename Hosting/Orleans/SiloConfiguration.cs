using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.Dashboard;
using TicketMaster.Grains;
using TicketMaster.Hosting.Mail;

namespace TicketMaster.Hosting;

/// <summary>The one silo set-up, shared by the Silo process and WebFrontend's co-hosted silo.</summary>
public static class SiloConfiguration
{
    public const string MembershipSection = "Orleans:Membership";

    public static ISiloBuilder ConfigureTicketMaster(this ISiloBuilder silo, IConfiguration configuration)
    {
        var settings = OrleansSettings.From(configuration);
        OrleansSettingsValidation.Register(silo.Services, configuration);
        silo.Configure<ClusterOptions>(settings.ApplyTo);
        // Liveness timings (Orleans' ClusterMembershipOptions, e.g. Orleans:Membership:ProbeTimeout): how fast
        // a killed silo is declared dead, which is also how long a whole-cluster restart waits for the old entries.
        silo.Configure<ClusterMembershipOptions>(configuration.GetSection(MembershipSection));
        // Grain calls become spans, children of the caller's span (an HTTP request's, or another grain's).
        silo.AddActivityPropagation();
        // Every silo collects the dashboard's grain and silo statistics; the hosts that map the page read them.
        silo.AddDashboard();

        StorageBackends.For(settings).ConfigureSilo(silo, configuration, settings);
        BinaryGrainStorage.Use(silo);
        StreamKinds.For(settings).ConfigureSilo(silo, configuration);
        silo.Services.AddTicketMasterGrains(configuration);
        silo.Services.AddTicketMasterMail(configuration);
        return silo;
    }
}
