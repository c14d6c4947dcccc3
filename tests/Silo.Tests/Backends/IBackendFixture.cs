namespace TicketMaster.Silo.Tests.Backends;

/// <summary>
/// A durable storage backend the cluster tests run on: everything that differs between
/// Postgres and Azure Storage, so one test proves a rule on both.
/// </summary>
public interface IBackendFixture
{
    /// <summary>The <c>Orleans:Storage</c> value.</summary>
    string Name { get; }

    /// <summary>The configuration that puts a silo on this backend: <c>Orleans:Storage</c> and its connection string.</summary>
    IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>Stops the storage server and starts it again on the same data, as after a power cut of the whole site.</summary>
    Task RestartStorageAsync();

    /// <summary>The silos of a cluster in the membership table with this status.</summary>
    Task<int> SilosWithStatus(string clusterId, SiloStatus status);

    /// <summary>What the membership table says of one silo incarnation; <see cref="SiloStatus.None"/> when it is not there.</summary>
    Task<SiloStatus> StatusOf(string clusterId, SiloAddress silo);

    /// <summary>Whether storage itself (read without Orleans) holds a state for this grain.</summary>
    Task<bool> HoldsState(string serviceId, string stateName, GrainId grain);
}
