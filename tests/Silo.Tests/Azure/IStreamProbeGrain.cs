namespace TicketMaster.Silo.Tests.Azure;

/// <summary>Counts what arrives on its stream (key: the stream's key in <see cref="StreamProbeGrain.Namespace"/>).</summary>
[Alias("IStreamProbeGrain")]
public interface IStreamProbeGrain : IGrainWithGuidKey
{
    [Alias("Received")]
    Task<IReadOnlyList<int>> Received();
}
