namespace TicketMaster.WebFrontend.Reads;

/// <summary>
/// What <see cref="EventReadCache"/> answers: a body, or none when the event does not exist
/// (<see cref="EventFound"/> false) or has no such part, as an unknown section. A stale
/// body is the last one this frontend had while the event's grain did not answer; <see cref="Age"/>
/// is how long ago its grain last said it was current.
/// </summary>
public sealed record EventReadAnswer(ReadBody? Body, bool Stale, TimeSpan Age, bool EventFound = true)
{
    /// <summary>The <c>Warning</c> header of a stale answer (RFC 7234's code 110).</summary>
    public const string StaleWarning = "110 - \"Response is Stale\"";

    public static readonly EventReadAnswer NotFound = new(null, false, TimeSpan.Zero, EventFound: false);

    public static readonly EventReadAnswer PartNotFound = new(null, false, TimeSpan.Zero);
}
