using TicketMaster.Events;

namespace TicketMaster.WebFrontend.Reads;

/// <summary>A read of one event as of <paramref name="Stamp"/>, fetched from its grain at <paramref name="FetchedAt"/>.</summary>
public sealed record CachedRead(EventVersion Stamp, ReadBody Body, DateTimeOffset FetchedAt);
