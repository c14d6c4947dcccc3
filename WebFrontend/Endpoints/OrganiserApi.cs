using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TicketMaster.Accounts;
using TicketMaster.Catalog;
using TicketMaster.WebFrontend.Accounts;
using TicketMaster.WebFrontend.Hosting;
using TicketMaster.WebFrontend.Problems;

namespace TicketMaster.WebFrontend.Endpoints;

/// <summary>An organiser's own venues, performers and events (an admin's: everyone's), a page at a time from a per-owner list.</summary>
public static class OrganiserApi
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static IEndpointRouteBuilder MapOrganiserApi(this IEndpointRouteBuilder app)
    {
        var lists = app.MapGroup("/api/v1/organiser").WithTags("Catalog").RequireAuthorization(AuthenticationSetup.CatalogPolicy);
        lists.MapGet("/events", Events).WithName("OrganiserEvents").WithSummary("Your events (an admin's: everyone's), oldest first.");
        lists.MapGet("/venues", Venues).WithName("OrganiserVenues").WithSummary("Your venues (an admin's: everyone's), oldest first.");
        lists.MapGet("/performers", Performers).WithName("OrganiserPerformers").WithSummary("Your performers (an admin's: everyone's), oldest first.");
        return app;
    }

    public static Task<Results<Ok<ListPage<EventItem>>, ValidationProblem>> Events(string? limit, string? cursor, ClaimsPrincipal user, IGrainFactory grains) =>
        Page(CatalogKind.Events, limit, cursor, user, grains, e => EventItem.From((EventEntry)e));

    public static Task<Results<Ok<ListPage<VenueItem>>, ValidationProblem>> Venues(string? limit, string? cursor, ClaimsPrincipal user, IGrainFactory grains) =>
        Page(CatalogKind.Venues, limit, cursor, user, grains, e => VenueItem.From((VenueEntry)e));

    public static Task<Results<Ok<ListPage<PerformerItem>>, ValidationProblem>> Performers(string? limit, string? cursor, ClaimsPrincipal user, IGrainFactory grains) =>
        Page(CatalogKind.Performers, limit, cursor, user, grains, e => PerformerItem.From((PerformerEntry)e));

    private static async Task<Results<Ok<ListPage<T>>, ValidationProblem>> Page<T>(
        CatalogKind kind, string? limit, string? cursor, ClaimsPrincipal user, IGrainFactory grains, Func<CatalogEntry, T> item)
    {
        var size = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxLimit))
        {
            return Problem.Invalid("limit", $"A whole number from 1 to {MaxLimit} (default {DefaultLimit}).");
        }
        if (cursor is { Length: 0 or > 20 }) return Problem.Invalid("cursor", "The cursor is the 'next' of the page before.");
        var owner = user.IsInRole(Roles.Admin) ? CatalogIndex.Everyone : user.UserId();
        var page = await grains.GetGrain<ICatalogIndexGrain>(CatalogIndex.Key(kind, owner)).List(cursor, size);
        if (page is null) return Problem.Invalid("cursor", "The cursor is the 'next' of the page before.");
        return TypedResults.Ok(new ListPage<T>(page.Items.Select(item).ToList(), page.Next));
    }
}

/// <summary>One page of a list; <c>next</c> is the cursor of the following page, null at the end.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, string? Next);

public sealed record EventItem(string EventId, string Name, string Category, DateTimeOffset StartsAt, DateTimeOffset? OnSaleAt, string VenueId, bool Cancelled, string OwnerId)
{
    public static EventItem From(EventEntry e) => new(e.Id, e.Name, e.Category, e.StartsAt, e.OnSaleAt, e.VenueId, e.Cancelled, e.Owner);
}

public sealed record VenueItem(string VenueId, string Name, string City, int Capacity, string OwnerId)
{
    public static VenueItem From(VenueEntry e) => new(e.Id, e.Name, e.City, e.Capacity, e.Owner);
}

public sealed record PerformerItem(string PerformerId, string Name, string Genre, string OwnerId)
{
    public static PerformerItem From(PerformerEntry e) => new(e.Id, e.Name, e.Genre, e.Owner);
}
