using TicketMaster.Grains.Tests;
using TicketMaster.Hosting;

namespace TicketMaster.Silo.Tests.Backends;

/// <summary>The saga's crash scenarios with the steps' journals on PostgreSQL.</summary>
[Collection(BackendCollection.Name)]
public sealed class SagaCrashOnPostgresTests(BackendFixtures backends) : SagaCrashScenarios
{
    protected override async Task<ISagaCluster> Cluster() => await backends.Faulty(StorageKinds.Postgres);
}

/// <summary>The saga's crash scenarios with the steps' journals on Azure Storage (Azurite).</summary>
[Collection(BackendCollection.Name)]
public sealed class SagaCrashOnAzureStorageTests(BackendFixtures backends) : SagaCrashScenarios
{
    protected override async Task<ISagaCluster> Cluster() => await backends.Faulty(StorageKinds.AzureStorage);
}
