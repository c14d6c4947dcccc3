using System.Text.Json.Serialization;
using TicketMaster.WaitingRoom;

namespace TicketMaster.WebFrontend.Endpoints;

public sealed record QueueSettingsBody(bool? Active, double? AdmitPerSecond);

public sealed record QueueSettingsResponse(string EventId, bool Active, double AdmitPerSecond);

/// <summary>
/// <c>position</c> is written even when null: a pre-queued fan's until the draw at <c>onSaleAt</c>.
/// <c>preQueued</c> and <c>onSaleAt</c> only when the event has an on-sale time.
/// </summary>
public sealed record JoinResponse(
    string QueueTicket,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? Position,
    bool? PreQueued = null,
    DateTimeOffset? OnSaleAt = null);

/// <summary>As <see cref="JoinResponse"/>; <c>drawnAt</c> once the pre-queue's order was drawn.</summary>
public sealed record QueueStatusResponse(
    QueueState State,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? Position,
    string? AdmissionToken,
    DateTimeOffset? ExpiresAt,
    bool? PreQueued = null,
    DateTimeOffset? OnSaleAt = null,
    DateTimeOffset? DrawnAt = null);
