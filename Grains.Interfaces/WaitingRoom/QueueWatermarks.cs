namespace TicketMaster.WaitingRoom;

/// <summary>
/// What a room publishes each admit period, only once durable: per shard the index admitted up to,
/// the closed buckets still waiting (for positions) and the admission steps of the last window
/// (for token expiry). Rows and steps are numbered so a frontend fetches only what is new.
/// </summary>
[GenerateSerializer, Immutable, Alias("QueueWatermarks")]
public sealed record QueueWatermarks(
    [property: Id(0)] bool Active,
    [property: Id(1)] bool SoldOut,
    [property: Id(2)] int Shards,
    [property: Id(3)] TimeSpan Period,
    [property: Id(4)] TimeSpan Window,
    [property: Id(5)] long ClosedBefore,
    [property: Id(6)] long[] Admitted,
    [property: Id(7)] long[] ExpiredUpTo,
    [property: Id(8)] long FirstRow,
    [property: Id(9)] long RowsFrom,
    [property: Id(10)] IReadOnlyList<BucketRow> Rows,
    [property: Id(11)] long FirstStep,
    [property: Id(12)] long StepsFrom,
    [property: Id(13)] IReadOnlyList<AdmissionStep> Steps)
{
    /// <summary>A room never configured: no shards, nobody queued.</summary>
    public static readonly QueueWatermarks None = new(false, false, 0, TimeSpan.FromSeconds(1), TimeSpan.Zero, 0, [], [], 0, 0, [], 0, 0, []);

    /// <summary>This, without the rows and steps before <paramref name="nextRow"/> and <paramref name="nextStep"/>.</summary>
    public QueueWatermarks Since(long nextRow, long nextStep)
    {
        var rowsFrom = Math.Clamp(nextRow, FirstRow, FirstRow + Rows.Count);
        var stepsFrom = Math.Clamp(nextStep, FirstStep, FirstStep + Steps.Count);
        return this with
        {
            RowsFrom = rowsFrom,
            Rows = Rows.Skip((int)(rowsFrom - FirstRow)).ToArray(),
            StepsFrom = stepsFrom,
            Steps = Steps.Skip((int)(stepsFrom - FirstStep)).ToArray(),
        };
    }
}
