using TicketMaster.WaitingRoom;

namespace TicketMaster.WebFrontend.Endpoints;

public sealed record QueueSettingsBody(bool? Active, double? AdmitPerSecond);

public sealed record QueueSettingsResponse(string EventId, bool Active, double AdmitPerSecond);

public sealed record JoinResponse(string QueueTicket, long Position);

public sealed record QueueStatusResponse(QueueState State, long Position, string? AdmissionToken, DateTimeOffset? ExpiresAt);
