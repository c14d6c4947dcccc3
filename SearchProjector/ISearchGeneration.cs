namespace TicketMaster.SearchProjector;

/// <summary>
/// An index that can say which state a search would read now: the generation moves forward whenever
/// a refresh makes new changes visible and stays put otherwise. What lets <see cref="SearchRequestCache"/>
/// reuse an answer; an engine without it is searched every time.
/// </summary>
public interface ISearchGeneration
{
    /// <summary>The generation the next search reads; reading it may make pending changes visible first.</summary>
    long Generation { get; }
}
