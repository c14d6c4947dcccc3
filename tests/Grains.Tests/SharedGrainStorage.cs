using System.Collections.Concurrent;
using Orleans.Serialization;
using Orleans.Storage;

namespace TicketMaster.Grains.Tests;

/// <summary>
/// Grain storage every silo of a test cluster shares and that outlives any one of them, as a
/// database does: Orleans' memory storage keeps its data in grains, which die with their silo.
/// </summary>
public sealed class SharedGrainStorage(ConcurrentDictionary<string, (byte[] Data, string ETag)> store, Serializer serializer) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (store.TryGetValue(Key(stateName, grainId), out var stored))
        {
            grainState.State = serializer.Deserialize<T>(stored.Data);
            grainState.ETag = stored.ETag;
            grainState.RecordExists = true;
        }
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = Key(stateName, grainId);
        var written = (serializer.SerializeToArray(grainState.State), Guid.NewGuid().ToString("N"));
        var swapped = grainState.ETag is null
            ? store.TryAdd(key, written)
            : store.TryGetValue(key, out var current) && current.ETag == grainState.ETag && store.TryUpdate(key, written, current);
        if (!swapped) throw new InconsistentStateException($"Stale ETag for {key}.");
        grainState.ETag = written.Item2;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        store.TryRemove(Key(stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static string Key(string stateName, GrainId grainId) => $"{stateName}/{grainId}";
}
