namespace TicketMaster.Grains.Accounts;

/// <summary>Configuration section <c>Accounts:Lockout</c>: how an account answers repeated wrong passwords.</summary>
public sealed class SignInLockoutOptions
{
    public const string Section = "Accounts:Lockout";

    /// <summary>Wrong passwords in a row before the account locks.</summary>
    public int Threshold { get; set; } = 5;

    /// <summary>The first lock; each further failure after the threshold doubles it.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest lock.</summary>
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The lock after <paramref name="failures"/> wrong passwords in a row, or null below the threshold.</summary>
    public TimeSpan? LockFor(int failures)
    {
        if (failures < Threshold) return null;
        // Doubling stops well before overflow: 2^20 times any sane Duration is past MaxDuration.
        var doublings = Math.Min(failures - Threshold, 20);
        var ticks = Duration.Ticks * (1L << doublings);
        return ticks >= MaxDuration.Ticks || ticks < 0 ? MaxDuration : TimeSpan.FromTicks(ticks);
    }
}
