namespace TicketMaster.Silo.Tests.Backends;

/// <summary>A durable storage backend the cluster tests run on: what differs between Postgres and Azure Storage.</summary>
public interface IBackendFixture
{
    /// <summary>The <c>Orleans:Storage</c> value.</summary>
    string Name { get; }

    /// <summary>The configuration that puts a silo on this backend: <c>Orleans:Storage</c> and its connection string.</summary>
    IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>Stops the storage server and starts it again on the same data, as after a power cut of the whole site.</summary>
    Task RestartStorageAsync();
}
