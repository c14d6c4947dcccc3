namespace TicketMaster.Hosting;

/// <summary>The one switch over <c>Orleans:Storage</c>, used by the silo and the client set-up alike.</summary>
public static class StorageBackends
{
    public static IStorageBackend For(OrleansSettings settings) => settings.Storage switch
    {
        StorageKinds.Memory => new MemoryBackend(),
        StorageKinds.Postgres => new PostgresBackend(),
        StorageKinds.AzureStorage => new AzureStorageBackend(),
        // OrleansSettings.From has refused any other value, naming the key.
        _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Storage, "Orleans:Storage was not validated."),
    };
}
