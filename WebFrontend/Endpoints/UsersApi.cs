using Microsoft.AspNetCore.Http.HttpResults;
using TicketMaster.Accounts;
using TicketMaster.WebFrontend.Hosting;
using TicketMaster.WebFrontend.Problems;

namespace TicketMaster.WebFrontend.Endpoints;

/// <summary>An admin gives users their roles (organiser, scanner, admin); a fan has none.</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/v1/users/{userId}/roles", SetRoles).WithTags("Accounts").RequireAuthorization(AuthenticationSetup.AdminPolicy)
            .WithName("SetRoles").WithSummary("Set a user's roles. They apply to access tokens issued from then on.");
        return app;
    }

    public static async Task<Results<Ok<RolesResponse>, ValidationProblem, NotFoundProblem>> SetRoles(string userId, RolesRequest? body, IGrainFactory grains)
    {
        if (body?.Roles is not { } roles || roles.Count > Roles.All.Count * 2 || roles.Any(r => r is null || !Roles.All.Contains(r)))
        {
            return Problem.Invalid("roles", $"A list of roles, each one of: {string.Join(", ", Roles.All)} (empty for a fan).");
        }
        var user = Ids.IsPlausible(userId) ? await grains.GetGrain<IUserGrain>(userId).SetRoles(roles!) : null;
        if (user is null) return Problem.NotFound($"No user '{userId}'.");
        return TypedResults.Ok(new RolesResponse(user.UserId, user.Roles));
    }
}

public sealed record RolesRequest(IReadOnlyList<string?>? Roles);

public sealed record RolesResponse(string UserId, IReadOnlyList<string> Roles);
