namespace TicketMaster.Grains.Accounts;

/// <summary>
/// An account's wrong passwords counted per source (the client's address): a source that keeps guessing
/// is locked for a growing while, and only that source, so nobody can lock the owner out by guessing
/// from elsewhere. At most <see cref="MaxSources"/> are kept (locks that passed long ago go first), so
/// an account's state stays small whoever guesses; the per-address sign-in rate limit bounds how many
/// guesses many addresses together can make.
/// </summary>
public static class SignInThrottle
{
    public const int MaxSources = 100;

    /// <summary>How long <paramref name="source"/> is still refused, or null.</summary>
    public static TimeSpan? LockedFor(Dictionary<string, SourceFailures> sources, string source, DateTimeOffset now) =>
        sources.TryGetValue(source, out var failures) && failures.LockedUntil is { } until && until > now ? until - now : null;

    /// <summary>Counts a wrong password from <paramref name="source"/>, locking it from the threshold on.</summary>
    public static void Failed(Dictionary<string, SourceFailures> sources, string source, DateTimeOffset now, SignInLockoutOptions options)
    {
        if (!sources.TryGetValue(source, out var failures))
        {
            MakeRoom(sources, now, options);
            sources[source] = failures = new SourceFailures();
        }
        failures.Count++;
        failures.LastFailure = now;
        if (options.LockFor(failures.Count) is { } lockFor) failures.LockedUntil = now + lockFor;
    }

    /// <summary>A right password from <paramref name="source"/> clears its count (and only its own).</summary>
    public static bool Succeeded(Dictionary<string, SourceFailures> sources, string source) => sources.Remove(source);

    private static void MakeRoom(Dictionary<string, SourceFailures> sources, DateTimeOffset now, SignInLockoutOptions options)
    {
        if (sources.Count < MaxSources) return;
        // Forgotten first: sources whose lock (or last guess) is older than the longest lock.
        foreach (var (key, failures) in sources)
        {
            if ((failures.LockedUntil ?? failures.LastFailure) + options.MaxDuration < now) sources.Remove(key);
        }
        while (sources.Count >= MaxSources) sources.Remove(sources.MinBy(s => s.Value.LastFailure).Key);
    }
}

/// <summary>One source's wrong passwords since its last success.</summary>
[GenerateSerializer, Alias("SourceFailures")]
public sealed class SourceFailures
{
    [Id(0)] public int Count { get; set; }

    [Id(1)] public DateTimeOffset? LockedUntil { get; set; }

    [Id(2)] public DateTimeOffset LastFailure { get; set; }
}
