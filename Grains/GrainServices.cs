using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketMaster.Grains.Payments;
using TicketMaster.Grains.Persistence;
using TicketMaster.Grains.WaitingRoom;

namespace TicketMaster.Grains;

public static class GrainServices
{
    /// <summary>What the grains need from their silo: time, options, the payment gateway, the password hasher.</summary>
    public static IServiceCollection AddTicketMasterGrains(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddKeyedSingleton(BookingClock.Key, TimeProvider.System);
        services.AddOptions<BookingOptions>().Bind(configuration.GetSection(BookingOptions.Section));
        services.AddOptions<JournalOptions>().Bind(configuration.GetSection(JournalOptions.Section))
            .Validate(o => o.SnapshotChanges > 0, $"Configuration '{JournalOptions.Section}:{nameof(JournalOptions.SnapshotChanges)}' must be above 0.")
            .Validate(o => o.SnapshotBytes > 0, $"Configuration '{JournalOptions.Section}:{nameof(JournalOptions.SnapshotBytes)}' must be above 0.")
            .ValidateOnStart();
        // The Memory backend's journals; a durable backend registers its own first.
        services.TryAddSingleton<IJournalStorage, MemoryJournalStorage>();
        services.AddOptions<WaitingRoomOptions>().Bind(configuration.GetSection(WaitingRoomOptions.Section));
        services.TryAddSingleton<AdmissionTokens>();
        services.AddOptions<PasswordHasherOptions>().Bind(configuration.GetSection("Accounts:PasswordHasher"));
        services.TryAddSingleton<TestPaymentGateway>();
        services.TryAddSingleton<IPaymentGateway>(sp => sp.GetRequiredService<TestPaymentGateway>());
        services.TryAddSingleton(typeof(IPasswordHasher<>), typeof(PasswordHasher<>));
        return services;
    }
}
