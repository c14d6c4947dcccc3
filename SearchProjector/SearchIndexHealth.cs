namespace TicketMaster.SearchProjector;

/// <summary>The engine's own state, apart from how far the projector has come.</summary>
public sealed record SearchIndexHealth(bool Healthy, string Description);
