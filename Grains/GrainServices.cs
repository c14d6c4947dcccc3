using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TicketMaster.Grains.Accounts;
using TicketMaster.Grains.Mail;
using TicketMaster.Grains.Payments;
using TicketMaster.Grains.Persistence;
using TicketMaster.Grains.WaitingRoom;
using TicketMaster.WaitingRoom;

namespace TicketMaster.Grains;

public static class GrainServices
{
    /// <summary>What the grains need from their silo: time, options, the payment gateway, the password hasher.</summary>
    public static IServiceCollection AddTicketMasterGrains(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddKeyedSingleton(BookingClock.Key, TimeProvider.System);
        services.AddOptions<BookingOptions>().Bind(configuration.GetSection(BookingOptions.Section))
            .Validate(o => o.HoldsPerAddress is > 0 and <= 1000, $"Configuration '{BookingOptions.Section}:{nameof(BookingOptions.HoldsPerAddress)}' must be 1 to 1000.")
            .ValidateOnStart();
        services.AddOptions<WaitlistOptions>().Bind(configuration.GetSection(WaitlistOptions.Section))
            .Validate(o => o.OfferDuration > TimeSpan.Zero && o.OfferDuration <= TimeSpan.FromDays(1),
                $"Configuration '{WaitlistOptions.Section}:{nameof(WaitlistOptions.OfferDuration)}' must be above 0 and at most one day.")
            .ValidateOnStart();
        services.AddOptions<SeatMapOptions>().Bind(configuration.GetSection(SeatMapOptions.Section))
            .Validate(o => o.ChangeLogSize is > 0 and <= 10_000_000, $"Configuration '{SeatMapOptions.Section}:{nameof(SeatMapOptions.ChangeLogSize)}' must be 1 to 10,000,000.")
            .ValidateOnStart();
        services.AddOptions<JournalOptions>().Bind(configuration.GetSection(JournalOptions.Section))
            .Validate(o => o.SnapshotChanges > 0, $"Configuration '{JournalOptions.Section}:{nameof(JournalOptions.SnapshotChanges)}' must be above 0.")
            .Validate(o => o.SnapshotBytes > 0, $"Configuration '{JournalOptions.Section}:{nameof(JournalOptions.SnapshotBytes)}' must be above 0.")
            .ValidateOnStart();
        // The Memory backend's journals; a durable backend registers its own first.
        services.TryAddSingleton<IJournalStorage, MemoryJournalStorage>();
        services.AddOptions<WaitingRoomOptions>().Bind(configuration.GetSection(WaitingRoomOptions.Section))
            .Validate(o => o.Shards is > 0 and <= 1024, $"Configuration '{WaitingRoomOptions.Section}:{nameof(WaitingRoomOptions.Shards)}' must be 1 to 1024.")
            .Validate(o => o.AdmitPeriod >= TimeSpan.FromMilliseconds(10), $"Configuration '{WaitingRoomOptions.Section}:{nameof(WaitingRoomOptions.AdmitPeriod)}' must be at least 10 ms.")
            .Validate(o => o.PreQueue >= TimeSpan.Zero && o.PreQueue <= TimeSpan.FromDays(7), $"Configuration '{WaitingRoomOptions.Section}:{nameof(WaitingRoomOptions.PreQueue)}' must be 00:00:00 to 7.00:00:00.")
            .Validate(o => string.IsNullOrEmpty(o.SigningKey) || SigningKeyStrength.IsStrong(o.SigningKey),
                SigningKeyStrength.Weak($"{WaitingRoomOptions.Section}:{nameof(WaitingRoomOptions.SigningKey)}").Message)
            .ValidateOnStart();
        // Shared with a co-hosted frontend, which signs admission tokens with the same key.
        services.TryAddSingleton(sp => new AdmissionTokens(sp.GetRequiredService<IOptions<WaitingRoomOptions>>().Value.SigningKey));
        services.AddOptions<SignInLockoutOptions>().Bind(configuration.GetSection(SignInLockoutOptions.Section))
            .Validate(o => o.Threshold > 0, $"Configuration '{SignInLockoutOptions.Section}:{nameof(SignInLockoutOptions.Threshold)}' must be above 0.")
            .Validate(o => o.Duration > TimeSpan.Zero && o.MaxDuration >= o.Duration,
                $"Configuration '{SignInLockoutOptions.Section}:{nameof(SignInLockoutOptions.Duration)}' must be above 0 and at most '{SignInLockoutOptions.Section}:{nameof(SignInLockoutOptions.MaxDuration)}'.")
            .ValidateOnStart();
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section))
            .Validate(o => o.RetryMin > TimeSpan.Zero, $"Configuration '{MailOptions.Section}:{nameof(MailOptions.RetryMin)}' must be above 0.")
            .Validate(o => o.RetryMax >= o.RetryMin, $"Configuration '{MailOptions.Section}:{nameof(MailOptions.RetryMax)}' must be at least '{MailOptions.Section}:{nameof(MailOptions.RetryMin)}'.")
            .ValidateOnStart();
        services.AddOptions<PasswordResetOptions>().Bind(configuration.GetSection(PasswordResetOptions.Section))
            .Validate(o => o.Lifetime > TimeSpan.Zero && o.Lifetime <= TimeSpan.FromDays(1), $"Configuration '{PasswordResetOptions.Section}:{nameof(PasswordResetOptions.Lifetime)}' must be above 0 and at most one day.")
            .Validate(o => o.Interval >= TimeSpan.Zero, $"Configuration '{PasswordResetOptions.Section}:{nameof(PasswordResetOptions.Interval)}' must not be negative.")
            .ValidateOnStart();
        services.AddOptions<PasswordHasherOptions>().Bind(configuration.GetSection("Accounts:PasswordHasher"));
        services.AddOptions<PaymentOptions>().Bind(configuration.GetSection(PaymentOptions.Section))
            .Validate(o => string.Equals(o.Provider, PaymentOptions.Sandbox, StringComparison.OrdinalIgnoreCase),
                $"Configuration '{PaymentOptions.Section}:{nameof(PaymentOptions.Provider)}' must be '{PaymentOptions.Sandbox}': no other payment provider is built in (docs/payments.md).")
            .ValidateOnStart();
        services.TryAddSingleton<SandboxPaymentGateway>();
        services.TryAddSingleton<IPaymentGateway>(sp => sp.GetRequiredService<SandboxPaymentGateway>());
        services.TryAddSingleton(typeof(IPasswordHasher<>), typeof(PasswordHasher<>));
        return services;
    }
}
