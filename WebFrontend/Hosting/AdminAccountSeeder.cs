using System.Security.Cryptography;
using TicketMaster.Accounts;
using TicketMaster.WebFrontend.Accounts;

namespace TicketMaster.WebFrontend.Hosting;

/// <summary>Ensures the admin account of configuration <c>Admin:Email</c> / <c>Admin:Password</c> at start.</summary>
public sealed partial class AdminAccountSeeder(IGrainFactory grains, IConfiguration configuration, ILogger<AdminAccountSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var email = configuration["Admin:Email"];
        var password = configuration["Admin:Password"];
        var madeUp = false;
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password))
        {
            if (!configuration.IsEmbeddedDefault()) return;
            email = "admin@localhost";
            password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12));
            madeUp = true;
        }
        else if (PasswordPolicy.Check(password, email) is { } weak)
        {
            throw new InvalidOperationException($"Configuration 'Admin:Password' is refused: {weak}");
        }
        await grains.GetGrain<IAccountGrain>(EmailAddress.Normalize(email)).Ensure(email, password, "Administrator", [Roles.Admin]);
        if (madeUp) LogMadeUp(logger, email, password);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin account for this run: {Email} / {Password} (set Admin__Email and Admin__Password to choose)")]
    private static partial void LogMadeUp(ILogger logger, string email, string password);
}
