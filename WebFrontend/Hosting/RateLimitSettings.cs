namespace TicketMaster.WebFrontend.Hosting;

/// <summary>Configuration section <c>RateLimits</c>: fixed windows per client address or per signed-in user.</summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimits";

    /// <summary>False turns every limit off (load tests, benchmarks).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>POST /api/v1/auth/token</c>, per client address (each account also locks itself: <c>Accounts:Lockout</c>).</summary>
    public RateLimit SignIn { get; set; } = new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(1) };

    /// <summary><c>POST /api/v1/auth/register</c>, per client address.</summary>
    public RateLimit Register { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(10) };

    /// <summary><c>POST /api/v1/auth/reset-request</c> and <c>/reset</c>, per client address (each account also sends at most one mail a minute: <c>Accounts:PasswordReset:Interval</c>).</summary>
    public RateLimit PasswordReset { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(10) };

    /// <summary><c>POST /api/v1/reserve</c>, per user.</summary>
    public RateLimit Reserve { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    /// <summary><c>POST /api/v1/book</c>, per user.</summary>
    public RateLimit Book { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    /// <summary>GET and HEAD without a signed-in user (pages, assets, search, views), per client address.</summary>
    public RateLimit AnonymousReads { get; set; } = new() { PermitLimit = 600, Window = TimeSpan.FromMinutes(1) };

    /// <summary>GET and HEAD with a valid token, per user: a token moves a fan's reads to their own count, it does not lift it.</summary>
    public RateLimit SignedInReads { get; set; } = new() { PermitLimit = 1200, Window = TimeSpan.FromMinutes(1) };
}

/// <summary>At most <see cref="PermitLimit"/> requests per <see cref="Window"/>.</summary>
public sealed class RateLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}
