using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using TicketMaster.Grains;

namespace TicketMaster.Hosting;

/// <summary>
/// Orleans' own binary format for every grain storage provider, whatever the backend: every state type is
/// [GenerateSerializer] with stable [Id]s (version tolerant), and a 100,000-seat int[] stays compact where the
/// JSON default spent most of a hot event's time turning the seat map into text on every write.
/// </summary>
public static class BinaryGrainStorage
{
    /// <summary>The providers look up a serializer keyed by their own name before their JSON default.</summary>
    public static void Use(ISiloBuilder silo)
    {
        foreach (var name in new[] { StorageNames.Grains, StorageNames.PubSub })
        {
            silo.Services.AddKeyedSingleton<IGrainStorageSerializer>(name,
                (sp, _) => new OrleansGrainStorageSerializer(sp.GetRequiredService<Serializer>()));
        }
    }
}
