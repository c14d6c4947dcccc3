using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using TicketMaster.Accounts;
using TicketMaster.Catalog;
using TicketMaster.WebFrontend.Accounts;
using TicketMaster.WebFrontend.Problems;

namespace TicketMaster.WebFrontend.Endpoints;

/// <summary>
/// Who may act on a catalog item, asked in one place: the item's grain knows its owner, and
/// <see cref="CatalogOwnership.Allows"/> is the rule. Routes that act on an item by id declare it
/// with <see cref="OwnedBy{TGrain}"/>; an event's body names a venue and performers, checked with <see cref="Check{TGrain}"/>.
/// </summary>
public static class CatalogAccess
{
    /// <summary>Null when the caller may act on the item; otherwise the answer: 404 unknown (400 naming <paramref name="field"/> for an id in a body), 403 someone else's.</summary>
    public static async Task<IResult?> Check<TGrain>(IGrainFactory grains, ClaimsPrincipal user, string? id, string what, string? field = null)
        where TGrain : IOwnedGrain
    {
        var owner = Ids.IsPlausible(id) ? await grains.GetGrain<TGrain>(id!).GetOwner() : null;
        if (owner is null) return field is null ? Problem.NotFound($"No {what} '{id}'.") : Problem.Invalid(field, $"Unknown {what} '{id}'.");
        if (CatalogOwnership.Allows(owner, user.UserId(), user.IsInRole(Roles.Admin))) return null;
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = "Forbidden.",
            Detail = $"The {what} '{id}' belongs to another organiser.",
        };
        if (field is not null) problem.Extensions["field"] = field;
        return TypedResults.Problem(problem);
    }

    /// <summary>
    /// The route acts on the item whose id is the route value <paramref name="routeValue"/>: only its owner or an admin
    /// gets through, and a holder of <paramref name="anyItemRole"/> (a scanner at any event's door) whatever the owner.
    /// </summary>
    public static RouteHandlerBuilder OwnedBy<TGrain>(this RouteHandlerBuilder endpoint, string routeValue, string what, string? anyItemRole = null)
        where TGrain : IOwnedGrain =>
        endpoint
            .AddEndpointFilter(async (context, next) =>
            {
                var http = context.HttpContext;
                if (anyItemRole is not null && http.User.IsInRole(anyItemRole)) return await next(context);
                var denied = await Check<TGrain>(http.RequestServices.GetRequiredService<IGrainFactory>(), http.User,
                    http.Request.RouteValues[routeValue] as string, what);
                return denied ?? await next(context);
            })
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
