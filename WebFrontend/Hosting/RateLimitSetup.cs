using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using TicketMaster.Hosting;
using TicketMaster.WebFrontend.Accounts;
using TicketMaster.WebFrontend.Problems;

namespace TicketMaster.WebFrontend.Hosting;

/// <summary>
/// ASP.NET Core's rate limiter as one partitioned limiter: sign-in and registration per client
/// address, reserve and book (and a waitlist join, a transfer) per signed-in user (the token's subject), reads per
/// client address without a token and per user with one (a token moves reads to the user's own limit, it does not lift it). Endpoints are recognised by their names, so the API's routes carry nothing of it.
/// A rejection is 429 problem+json with Retry-After.
/// </summary>
public static class RateLimitSetup
{
    private enum Limit { None, SignIn, Register, Reserve, Book, AnonymousReads, SignedInReads, PasswordReset }

    public static WebApplicationBuilder AddTicketMasterRateLimits(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(RateLimitSettings.Section).Get<RateLimitSettings>() ?? new RateLimitSettings();
        if (!settings.Enabled) return builder;
        foreach (var (name, limit) in Limits(settings))
        {
            if (limit.PermitLimit <= 0) throw new InvalidOperationException($"Configuration '{RateLimitSettings.Section}:{name}:{nameof(RateLimit.PermitLimit)}' must be above 0.");
            if (limit.Window <= TimeSpan.Zero) throw new InvalidOperationException($"Configuration '{RateLimitSettings.Section}:{name}:{nameof(RateLimit.Window)}' must be above 0.");
        }

        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var limit = Classify(context);
                if (limit == Limit.None) return RateLimitPartition.GetNoLimiter("none");
                var window = Settings(settings, limit);
                return RateLimitPartition.GetFixedWindowLimiter($"{limit}|{PartitionOf(context, limit)}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = window.PermitLimit,
                    Window = window.Window,
                    QueueLimit = 0,
                });
            });
            options.OnRejected = (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Settings(settings, Classify(rejected.HttpContext)).Window;
                return new ValueTask(new TooManyRequestsProblem(retryAfter, Describe(Classify(rejected.HttpContext))).ExecuteAsync(rejected.HttpContext));
            };
        });
        return builder;
    }

    /// <summary>After authentication (the user is known) and routing (the endpoint is).</summary>
    public static IApplicationBuilder UseTicketMasterRateLimits(this IApplicationBuilder app)
    {
        var settings = app.ApplicationServices.GetRequiredService<IConfiguration>().GetSection(RateLimitSettings.Section).Get<RateLimitSettings>() ?? new RateLimitSettings();
        return settings.Enabled ? app.UseRateLimiter() : app;
    }

    private static Limit Classify(HttpContext context)
    {
        var name = context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
        return name switch
        {
            "Token" => Limit.SignIn,
            "Register" => Limit.Register,
            "RequestPasswordReset" or "ResetPassword" => Limit.PasswordReset,
            // A waitlist join holds seats later as a reserve does; a transfer moves tickets (and tells whether an email has an account).
            "Reserve" or "JoinWaitlist" => Limit.Reserve,
            "Book" or "TransferTickets" => Limit.Book,
            _ when HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) =>
                context.User.Identity?.IsAuthenticated == true ? Limit.SignedInReads : Limit.AnonymousReads,
            _ => Limit.None,
        };
    }

    private static string PartitionOf(HttpContext context, Limit limit) =>
        limit is Limit.Reserve or Limit.Book or Limit.SignedInReads && context.User.Identity?.IsAuthenticated == true
            ? "user:" + context.User.UserId()
            : "address:" + ClientAddress.KeyOf(context.Connection.RemoteIpAddress);

    private static RateLimit Settings(RateLimitSettings settings, Limit limit) => limit switch
    {
        Limit.SignIn => settings.SignIn,
        Limit.Register => settings.Register,
        Limit.Reserve => settings.Reserve,
        Limit.Book => settings.Book,
        Limit.SignedInReads => settings.SignedInReads,
        Limit.PasswordReset => settings.PasswordReset,
        _ => settings.AnonymousReads,
    };

    private static string Describe(Limit limit) => limit switch
    {
        Limit.SignIn => "Too many sign-in attempts from this address; try again after Retry-After.",
        Limit.Register => "Too many registrations from this address; try again after Retry-After.",
        Limit.Reserve => "Too many reservations in a short time; try again after Retry-After.",
        Limit.Book => "Too many booking attempts in a short time; try again after Retry-After.",
        Limit.SignedInReads => "Too many requests from this account; try again after Retry-After.",
        Limit.PasswordReset => "Too many password reset requests from this address; try again after Retry-After.",
        _ => "Too many requests from this address; try again after Retry-After.",
    };

    private static IEnumerable<(string Name, RateLimit Limit)> Limits(RateLimitSettings settings) =>
    [
        (nameof(settings.SignIn), settings.SignIn),
        (nameof(settings.Register), settings.Register),
        (nameof(settings.Reserve), settings.Reserve),
        (nameof(settings.Book), settings.Book),
        (nameof(settings.PasswordReset), settings.PasswordReset),
        (nameof(settings.AnonymousReads), settings.AnonymousReads),
        (nameof(settings.SignedInReads), settings.SignedInReads),
    ];
}
