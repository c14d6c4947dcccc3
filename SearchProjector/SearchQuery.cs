namespace TicketMaster.SearchProjector;

/// <summary>
/// One search, as <c>GET /api/v1/search</c> asks it. Keyword filters match exactly, ignoring case;
/// <see cref="From"/> and <see cref="To"/> are inclusive bounds on the start time.
/// </summary>
public sealed record SearchQuery
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public string? Text { get; init; }

    public string? City { get; init; }

    public string? Category { get; init; }

    /// <summary>A performer's name or id.</summary>
    public string? Performer { get; init; }

    /// <summary>A venue's name or id.</summary>
    public string? Venue { get; init; }

    /// <summary>When set, past events are searched too.</summary>
    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    /// <summary>Null: relevance when there is text, else date.</summary>
    public SearchSort? Sort { get; init; }

    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>The page every engine answers: <see cref="Page"/>, at least 1.</summary>
    public int EffectivePage => Math.Max(1, Page);

    /// <summary>The page size every engine answers: <see cref="PageSize"/> within 1 to <see cref="MaxPageSize"/>.</summary>
    public int EffectivePageSize => Math.Clamp(PageSize, 1, MaxPageSize);

    /// <summary>Matches before the page.</summary>
    public long Offset => (long)(EffectivePage - 1) * EffectivePageSize;

    public bool HasText => !string.IsNullOrWhiteSpace(Text);

    public SearchSort EffectiveSort => Sort ?? (HasText ? SearchSort.Relevance : SearchSort.Date);
}
