namespace TicketMaster.WebFrontend.Endpoints;

public sealed record WaitlistBody(int? Quantity, string? SectionId);

/// <summary>The fan's place on the waitlist: 1 is offered the next seats that fit.</summary>
public sealed record WaitlistResponse(int Position);
