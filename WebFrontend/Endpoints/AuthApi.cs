using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TicketMaster.Accounts;
using TicketMaster.Hosting;
using TicketMaster.WebFrontend.Accounts;
using TicketMaster.WebFrontend.Problems;

namespace TicketMaster.WebFrontend.Endpoints;

public static partial class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Accounts");
        auth.MapPost("/register", Register).WithName("Register").WithSummary("Create an account.");
        auth.MapPost("/token", Token).WithName("Token").WithSummary("Sign in: exchange email and password for an access token.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapPost("/reset-request", RequestReset).WithName("RequestPasswordReset")
            .WithSummary("Ask for a password reset link by mail: 202 whether or not the email has an account.");
        auth.MapPost("/reset", Reset).WithName("ResetPassword")
            .WithSummary("Set a new password with the token of a reset link: it works once, for 30 minutes.");
        return app;
    }

    public static Results<Accepted, ValidationProblem> RequestReset(ResetRequestBody? body, IGrainFactory grains, ILoggerFactory logs)
    {
        if (body is null) return Problem.Invalid("body", "A JSON body is required.");
        var email = EmailAddress.Canonical(body.Email);
        if (!EmailAddress.IsValid(email)) return Problem.Invalid("email", "A valid email address is required.");
        // Not awaited: an answer that came later for an existing account would tell that it exists.
        var requested = grains.GetGrain<IAccountGrain>(EmailAddress.Normalize(email)).RequestReset();
        requested.ContinueWith(failed => LogResetFailed(logs.CreateLogger(nameof(AuthApi)), failed.Exception!), TaskContinuationOptions.OnlyOnFaulted);
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<Results<NoContent, ValidationProblem>> Reset(ResetBody? body, IGrainFactory grains)
    {
        if (body is null) return Problem.Invalid("body", "A JSON body is required.");
        if (!PasswordResetTokens.TryParse(body.Token, out var userId, out var secret) || !Ids.IsPlausible(userId)) return UnusableToken();
        if (string.IsNullOrEmpty(body.Password)) return Problem.Invalid("password", "The new password is required.");
        if (await grains.GetGrain<IUserGrain>(userId).Get() is not { } user) return UnusableToken();
        if (PasswordPolicy.Check(body.Password, user.Email) is { } weak) return Problem.Invalid("password", weak);
        var done = await grains.GetGrain<IAccountGrain>(EmailAddress.Normalize(user.Email)).ResetPassword(secret, body.Password);
        return done ? TypedResults.NoContent() : UnusableToken();
    }

    private static ValidationProblem UnusableToken() =>
        Problem.Invalid("token", "This reset link is unknown, used or expired; ask for a new one.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "A password reset request failed; the fan may ask again")]
    private static partial void LogResetFailed(ILogger logger, Exception exception);

    public static async Task<Results<Created<RegisteredResponse>, ValidationProblem, ConflictProblem>> Register(
        RegisterRequest? body, IGrainFactory grains)
    {
        if (body is null) return Problem.Invalid("body", "A JSON body is required.");
        var email = EmailAddress.Canonical(body.Email);
        if (!EmailAddress.IsValid(email)) return Problem.Invalid("email", "A valid email address is required.");
        if (PasswordPolicy.Check(body.Password, email) is { } weak) return Problem.Invalid("password", weak);
        if (string.IsNullOrWhiteSpace(body.DisplayName) || body.DisplayName.Length > 100) return Problem.Invalid("displayName", "A display name of 1 to 100 characters is required.");

        var result = await grains.GetGrain<IAccountGrain>(EmailAddress.Normalize(email)).Register(email, body.Password!, body.DisplayName.Trim());
        if (!result.Created) return Problem.Conflict("An account with this email exists.");
        // No Location: an account has no resource of its own to read (its tokens come from /auth/token).
        return TypedResults.Created((string?)null, new RegisteredResponse(result.UserId!));
    }

    public static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult, TooManyRequestsProblem>> Token(
        TokenRequest? body, HttpContext http, IGrainFactory grains, TokenIssuer tokens)
    {
        if (body is null) return Problem.Invalid("body", "A JSON body is required.");
        if (string.IsNullOrWhiteSpace(body.Email)) return Problem.Invalid("email", "The email is required.");
        if (string.IsNullOrEmpty(body.Password)) return Problem.Invalid("password", "The password is required.");
        if (body.Email.Length > 254 || body.Password.Length > 256) return WrongCredentials();

        var source = ClientAddress.KeyOf(http.Connection.RemoteIpAddress);
        var signIn = await grains.GetGrain<IAccountGrain>(EmailAddress.Normalize(body.Email)).SignIn(body.Password, source);
        if (signIn.LockedFor is { } lockedFor) return new TooManyRequestsProblem(lockedFor, "Too many wrong passwords for this account from this address; it refuses them until Retry-After has passed.");
        if (signIn.User is not { } user) return WrongCredentials();
        var (token, expiresAt) = tokens.Issue(user);
        return TypedResults.Ok(new TokenResponse(token, expiresAt));
    }

    private static ProblemHttpResult WrongCredentials() =>
        Problem.Status(StatusCodes.Status401Unauthorized, "Wrong credentials.", "The email or the password is wrong.");
}

public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName);

public sealed record RegisteredResponse(string UserId);

public sealed record TokenRequest(string? Email, string? Password);

public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt);

public sealed record ResetRequestBody(string? Email);

public sealed record ResetBody(string? Token, string? Password);
