using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TicketMaster.Hosting.Mail;

public static class MailSetup
{
    /// <summary>The sender beside every silo (it reads the outbox shards through the silo's grain factory), its settings checked at start.</summary>
    public static IServiceCollection AddTicketMasterMail(this IServiceCollection services, IConfiguration configuration)
    {
        CheckedSettings.Register<SmtpSettings, SmtpSettings.Validation>(services, o => configuration.GetSection(SmtpSettings.Section).Bind(o));
        CheckedSettings.Register<MailSenderSettings, MailSenderSettings.Validation>(services, o => configuration.GetSection(MailSenderSettings.Section).Bind(o));
        services.AddSingleton<IMachineLoad, OrleansMachineLoad>();
        services.AddHostedService<MailSender>();
        return services;
    }
}
