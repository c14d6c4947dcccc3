namespace TicketMaster.WebFrontend.Endpoints;

public sealed record ScanBody(string? Code);

/// <summary><c>result</c> is <c>admitted</c>; refusals are problem+json with their own <c>result</c>.</summary>
public sealed record ScanResponse(string Result, string TicketId, string SeatId, DateTimeOffset ScannedAt);
