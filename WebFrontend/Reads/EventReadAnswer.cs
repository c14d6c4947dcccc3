namespace TicketMaster.WebFrontend.Reads;

/// <summary>
/// What <see cref="EventReadCache"/> answers: a body, or none when the event does not exist. A stale
/// body is the last one this frontend had while the event's grain did not answer; <see cref="Age"/>
/// is how long ago its grain last said it was current.
/// </summary>
public sealed record EventReadAnswer(ReadBody? Body, bool Stale, TimeSpan Age)
{
    /// <summary>The <c>Warning</c> header of a stale answer (RFC 7234's code 110).</summary>
    public const string StaleWarning = "110 - \"Response is Stale\"";

    public static readonly EventReadAnswer NotFound = new(null, false, TimeSpan.Zero);
}
