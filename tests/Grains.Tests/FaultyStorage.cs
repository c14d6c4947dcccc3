using System.Collections.Concurrent;
using Orleans.Serialization;
using Orleans.Storage;

namespace TicketMaster.Grains.Tests;

/// <summary>
/// Grain storage with an ETag check like the real providers, that a test can make fail every
/// n-th write of one grain, or hold that grain's writes at a gate.
/// </summary>
public sealed class FaultyStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<GrainId, (object State, string ETag)> _store = new();
    private readonly ConcurrentDictionary<string, Fault> _faults = new();

    public DeepCopier? Copier { get; set; }

    private sealed class Fault
    {
        public int FailEvery;
        public int Writes;
        public TaskCompletionSource Gate = Open();
        public int Waiting;
    }

    private static TaskCompletionSource Open()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }

    private Fault For(string key) => _faults.GetOrAdd(key, _ => new Fault());

    public void FailEveryNthWrite(string key, int n) => For(key).FailEvery = n;

    public int WritesOf(string key) => For(key).Writes;

    public int WaitingAtGate(string key) => Volatile.Read(ref For(key).Waiting);

    public void CloseGate(string key) => For(key).Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void OpenGate(string key) => For(key).Gate.TrySetResult();

    public T? Stored<T>(string key) where T : class =>
        _store.FirstOrDefault(e => e.Key.Key.ToString() == key).Value.State is T state ? Copier!.Copy(state) : null;

    /// <summary>Writes a state as another activation would: the grain's ETag no longer matches.</summary>
    public void Overwrite<T>(string key, Func<T, T> change) where T : class
    {
        var entry = _store.First(e => e.Key.Key.ToString() == key);
        _store[entry.Key] = (change(Copier!.Copy((T)entry.Value.State)), Guid.NewGuid().ToString("N"));
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_store.TryGetValue(grainId, out var stored))
        {
            grainState.State = Copier!.Copy((T)stored.State);
            grainState.ETag = stored.ETag;
            grainState.RecordExists = true;
        }
        return Task.CompletedTask;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var copy = Copier!.Copy(grainState.State);
        var fault = For(grainId.Key.ToString()!);
        Interlocked.Increment(ref fault.Waiting);
        try
        {
            await fault.Gate.Task;
        }
        finally
        {
            Interlocked.Decrement(ref fault.Waiting);
        }
        await Task.Yield();
        var writes = Interlocked.Increment(ref fault.Writes);
        if (fault.FailEvery > 0 && writes % fault.FailEvery == 0) throw new IOException($"Injected failure of write {writes}.");

        var etag = Guid.NewGuid().ToString("N");
        var ok = _store.TryGetValue(grainId, out var current)
            ? current.ETag == grainState.ETag && _store.TryUpdate(grainId, (copy!, etag), current)
            : grainState.ETag is null && _store.TryAdd(grainId, (copy!, etag));
        if (!ok) throw new InconsistentStateException($"ETag mismatch for {grainId}.", current.ETag ?? "", grainState.ETag ?? "");
        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _store.TryRemove(grainId, out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}
