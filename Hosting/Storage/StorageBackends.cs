namespace TicketMaster.Hosting;

/// <summary>The one switch over <c>Orleans:Storage</c>, used by the silo and the client set-up alike.</summary>
public static class StorageBackends
{
    public static IStorageBackend For(OrleansSettings settings) => settings.Storage switch
    {
        StorageKinds.Memory => new MemoryBackend(),
        StorageKinds.Postgres => new PostgresBackend(),
        StorageKinds.AzureStorage => new AzureStorageBackend(),
        _ => throw new InvalidOperationException(
            $"Configuration 'Orleans:Storage' is '{settings.Storage}'; expected '{StorageKinds.Memory}', '{StorageKinds.Postgres}' or '{StorageKinds.AzureStorage}'."),
    };
}
