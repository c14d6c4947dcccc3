using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketMaster.Events;
using TicketMaster.Grains;
using TicketMaster.Hosting;
using TicketMaster.WaitingRoom;
using TicketMaster.WebFrontend.Accounts;
using TicketMaster.WebFrontend.Hosting;
using TicketMaster.WebFrontend.Problems;

namespace TicketMaster.WebFrontend.Endpoints;

/// <summary>
/// The virtual waiting room in front of /reserve for hot on-sales. A join is one call to the fan's
/// join shard; a status poll is answered from this process's cached watermarks and signs the
/// admission token here, without a grain call (docs/waiting-room.md).
/// </summary>
public static class WaitingRoomApi
{
    public const double MaxAdmitPerSecond = 100_000;

    /// <summary>One fan every 100 s: below it a room would in effect never admit anyone.</summary>
    public const double MinAdmitPerSecond = 0.01;

    /// <summary>The frontend's side of the waiting room: its watermark cache and the shared signing key.</summary>
    public static WebApplicationBuilder AddWaitingRoom(this WebApplicationBuilder builder)
    {
        // A co-hosted silo shares this process's key (random in the embedded default); otherwise the cluster's is required.
        var key = SigningKeys.WaitingRoomKey(builder.Configuration);
        builder.Services.TryAddSingleton(_ => new AdmissionTokens(key));
        builder.Services.TryAddSingleton(sp => new WaitingRoomClient(
            sp.GetRequiredService<IGrainFactory>(),
            sp.GetRequiredService<AdmissionTokens>(),
            sp.GetKeyedService<TimeProvider>(BookingClock.Key) ?? TimeProvider.System));
        return builder;
    }

    public static IEndpointRouteBuilder MapWaitingRoomApi(this IEndpointRouteBuilder app)
    {
        var queue = app.MapGroup("/api/v1/queue").WithTags("Waiting room").RequireAuthorization();
        queue.MapPost("/{eventId}/join", Join).WithName("JoinQueue").WithSummary("Take a place in the event's waiting room.")
            .Produces<JoinResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesOutcomes(Outcomes.Join);
        queue.MapGet("/{eventId}/status", Status).WithName("QueueStatus").WithSummary("Your place, or your admission token once admitted.");

        app.MapPost("/api/v1/events/{eventId}/queue", Configure).WithTags("Waiting room").RequireAuthorization(AuthenticationSetup.CatalogPolicy)
            .WithName("ConfigureQueue").WithSummary("Turn the event's waiting room on or off and set its admit rate.")
            .OwnedBy<IEventGrain>("eventId", "event");
        return app;
    }

    public static async Task<Results<Ok<QueueSettingsResponse>, ValidationProblem, NotFoundProblem>> Configure(
        string eventId, QueueSettingsBody? body, IGrainFactory grains, WaitingRoomClient room)
    {
        if (body?.Active is not { } active) return Problem.Invalid("active", "true or false is required.");
        var rate = body.AdmitPerSecond ?? 0;
        if (active && (!(rate >= MinAdmitPerSecond) || rate > MaxAdmitPerSecond)) return Problem.Invalid("admitPerSecond", $"A rate of at least {MinAdmitPerSecond} and at most {MaxAdmitPerSecond} per second is required.");
        if (!Ids.IsPlausible(eventId) || !await grains.GetGrain<IWaitingRoomGrain>(eventId).Configure(active, rate)) return Problem.NotFound($"No event '{eventId}'.");
        // Other frontends see the change within one admit period, when their copy is refreshed.
        room.Forget(eventId);
        return TypedResults.Ok(new QueueSettingsResponse(eventId, active, rate));
    }

    public static async Task<IResult> Join(string eventId, ClaimsPrincipal user, WaitingRoomClient room)
    {
        if (!Ids.IsPlausible(eventId)) return Problem.NotFound($"No event '{eventId}'.");
        var result = await room.Join(eventId, user.UserId());
        var onSale = result.OnSaleAt is { } onSaleAt;
        return result.Status switch
        {
            JoinStatus.Joined => TypedResults.Ok(new JoinResponse(result.QueueTicket!, result.Position, onSale ? result.PreQueued : null, result.OnSaleAt)),
            JoinStatus.TooEarly => Outcomes.Join.Problem(result.Status, eventId, "onSaleAt",
                extensions: new Dictionary<string, object?> { ["onSaleAt"] = result.OnSaleAt, ["opensAt"] = result.OpensAt }),
            _ => Outcomes.Join.Problem(result.Status, eventId),
        };
    }

    public static async Task<Results<Ok<QueueStatusResponse>, ValidationProblem, NotFoundProblem>> Status(
        string eventId, string? ticket, ClaimsPrincipal user, WaitingRoomClient room)
    {
        if (string.IsNullOrWhiteSpace(ticket) || ticket.Length > 100) return Problem.Invalid("ticket", "The queue ticket from join is required.");
        if (!Ids.IsPlausible(eventId)) return Problem.NotFound($"No event '{eventId}'.");
        var status = await room.Status(eventId, user.UserId(), ticket);
        if (status is null) return Problem.NotFound("No such queue ticket for you in this event's waiting room.");
        return TypedResults.Ok(new QueueStatusResponse(status.State, status.Position, status.AdmissionToken, status.ExpiresAt,
            status.OnSaleAt is null ? null : status.PreQueued, status.OnSaleAt, status.DrawnAt));
    }
}
