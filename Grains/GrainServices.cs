using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketMaster.Grains.Payments;
using TicketMaster.Grains.WaitingRoom;

namespace TicketMaster.Grains;

public static class GrainServices
{
    /// <summary>What the grains need from their silo: time, options, the payment gateway, the password hasher.</summary>
    public static IServiceCollection AddTicketMasterGrains(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddKeyedSingleton(BookingClock.Key, TimeProvider.System);
        services.AddOptions<BookingOptions>().Bind(configuration.GetSection(BookingOptions.Section));
        services.AddOptions<WaitingRoomOptions>().Bind(configuration.GetSection(WaitingRoomOptions.Section));
        services.TryAddSingleton<AdmissionTokens>();
        services.AddOptions<PasswordHasherOptions>().Bind(configuration.GetSection("Accounts:PasswordHasher"));
        services.TryAddSingleton<TestPaymentGateway>();
        services.TryAddSingleton<IPaymentGateway>(sp => sp.GetRequiredService<TestPaymentGateway>());
        services.TryAddSingleton(typeof(IPasswordHasher<>), typeof(PasswordHasher<>));
        return services;
    }
}
