using TicketMaster.Accounts;
using System.Globalization;
using TicketMaster.Events;
using TicketMaster.WebFrontend.Hosting;
using TicketMaster.WebFrontend.Problems;

namespace TicketMaster.WebFrontend.Endpoints;

/// <summary>Entry at the door: a ticket's code admits once.</summary>
public static class ScanningApi
{
    public static IEndpointRouteBuilder MapScanningApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/events/{eventId}/scan", Scan).WithTags("Entry").RequireAuthorization(AuthenticationSetup.ScannerPolicy)
            .OwnedBy<IEventGrain>("eventId", "event", Roles.Scanner)
            .WithName("ScanTicket").WithSummary("Admit a ticket's code at the event's door, once (role scanner, the event's organiser, or admin).")
            .Produces<ScanResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesOutcomes(Outcomes.Scan);
        return app;
    }

    /// <summary>Codes are 32 hex digits; a longer one is no code of ours.</summary>
    private const int MaxCodeLength = 64;

    public static async Task<IResult> Scan(string eventId, ScanBody? body, IGrainFactory grains)
    {
        if (string.IsNullOrWhiteSpace(body?.Code)) return Problem.Invalid("code", "The ticket's code is required.");
        // Typed at a gate, a code may come in lower case or with spaces around it.
        var code = body.Code.Trim().ToUpperInvariant();
        if (code.Length > MaxCodeLength) return Problem.Invalid("code", $"A ticket's code has at most {MaxCodeLength} characters.");
        if (!Ids.IsPlausible(eventId)) return Outcomes.Scan.Problem(ScanStatus.UnknownCode, code, extensions: Result("unknown"));

        var result = await grains.GetGrain<IEventGrain>(eventId).Scan(code);
        return result.Status switch
        {
            ScanStatus.Admitted => TypedResults.Ok(new ScanResponse("admitted", result.TicketId!, result.SeatId!, result.ScannedAt!.Value)),
            ScanStatus.AlreadyScanned => Outcomes.Scan.Problem(result.Status, code, extensions: new Dictionary<string, object?>
            {
                ["result"] = "already-scanned",
                ["scannedAt"] = result.ScannedAt!.Value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", CultureInfo.InvariantCulture),
                ["ticketId"] = result.TicketId,
                ["seatId"] = result.SeatId,
            }),
            ScanStatus.Void => Outcomes.Scan.Problem(result.Status, code, extensions: Result("void")),
            _ => Outcomes.Scan.Problem(result.Status, code, extensions: Result("unknown")),
        };
    }

    private static Dictionary<string, object?> Result(string result) => new() { ["result"] = result };
}
